package org.collaborative.app.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.ZoneOffset;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.collaborative.app.evidence.EvidenceScale;
import org.collaborative.app.follow.FollowViews;
import org.collaborative.app.group.GroupPages;
import org.collaborative.app.group.GroupViews;
import org.collaborative.app.infrastructure.web.Commands;
import org.collaborative.app.infrastructure.web.Dates;
import org.collaborative.app.infrastructure.web.FormLimits;
import org.collaborative.app.item.ItemTypeLabels;
import org.collaborative.app.item.ItemViews;
import org.collaborative.app.item.Markdown;
import org.collaborative.app.member.Accounts;
import org.collaborative.app.member.People;
import org.collaborative.app.moderation.GroupModeration;
import org.collaborative.app.moderation.ModerationViews;
import org.collaborative.app.notification.NotificationViews;
import org.collaborative.app.organisation.OrganisationViews;
import org.collaborative.app.proposal.ProposalLabels;
import org.collaborative.app.spread.PracticeSpreads;
import org.collaborative.app.theme.ThemeViews;
import org.collaborative.app.web.spread.SpreadLabels;
import org.collaborative.app.web.spread.SpreadPages;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * A controller slice test ({@code @WebMvcTest}): the named controllers with the real MVC set-up (advice, Thymeleaf
 * templates, htmx, Spring Security's default chain, so requests need a user and a CSRF token), {@link Commands} over
 * a Mockito {@link CommandGateway}, the real {@link GroupPages}, and Mockito mocks of the view readers (which answer
 * nothing until a test says what they hold; {@code People} answers no names). Fixtures are in {@link Slices}.
 *
 * <p>What a slice shows: the page a controller renders (full, and its htmx fragment), the exact command it sends and
 * how it shows a refusal. Who may see what across the real security rules, and the views being written, are the
 * integration tests' ({@code AuthorisationMatrixIT}, {@code PipelineIT}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
// No embedded PostgreSQL, Kafka or MongoDB: a slice reads nothing but its mocks.
@WebMvcTest(
        properties = "collaborative.embedded.enabled=false",
        excludeFilters =
                @ComponentScan.Filter(
                        type = FilterType.REGEX,
                        pattern = "org\\.collaborative\\.app\\.privacy\\.ErasedMembersSignedOut"))
@Import(ControllerSlice.Beans.class)
// Spring Security's default chain (spring-boot-security has no slice imports of its own): every request signed in.
@ImportAutoConfiguration({
    SecurityAutoConfiguration.class,
    ServletWebSecurityAutoConfiguration.class,
    SecurityFilterAutoConfiguration.class
})
@MockitoBean(
        types = {
            CommandGateway.class,
            GroupViews.class,
            ThemeViews.class,
            ItemViews.class,
            People.class,
            FollowViews.class,
            NotificationViews.class,
            Accounts.class,
            OrganisationViews.class,
            ModerationViews.class,
            PracticeSpreads.class
        })
@ExtendWith(Slices.Defaults.class)
public @interface ControllerSlice {

    /** The controllers under test. */
    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] value();

    /** The real beans every slice shares (the templates call some by name), and a clock fixed at {@link Slices#NOW}. */
    @TestConfiguration(proxyBeanMethods = false)
    @Import({
        Commands.class,
        FormLimits.class,
        GroupPages.class,
        Markdown.class,
        Dates.class,
        EvidenceScale.class,
        ProposalLabels.class,
        ItemTypeLabels.class,
        GroupModeration.class,
        SpreadPages.class,
        SpreadLabels.class
    })
    class Beans {

        @Bean
        Clock clock() {
            return Clock.fixed(Slices.NOW, ZoneOffset.UTC);
        }
    }
}
