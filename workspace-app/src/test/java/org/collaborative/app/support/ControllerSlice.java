package org.collaborative.app.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.ZoneOffset;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.collaborative.app.account.token.AccessTokens;
import org.collaborative.app.board.BoardAccess;
import org.collaborative.app.board.BoardPages;
import org.collaborative.app.board.BoardViews;
import org.collaborative.app.commitment.CommitmentViews;
import org.collaborative.app.commitment.PledgeFulfilments;
import org.collaborative.app.evidence.EvidenceScale;
import org.collaborative.app.follow.FollowViews;
import org.collaborative.app.group.GroupPages;
import org.collaborative.app.group.GroupViews;
import org.collaborative.app.infrastructure.publication.ParkedEvents;
import org.collaborative.app.infrastructure.web.Commands;
import org.collaborative.app.infrastructure.web.Dates;
import org.collaborative.app.infrastructure.web.FormLimits;
import org.collaborative.app.item.ItemTypeLabels;
import org.collaborative.app.item.ItemViews;
import org.collaborative.app.item.Markdown;
import org.collaborative.app.live.LiveUpdates;
import org.collaborative.app.member.Accounts;
import org.collaborative.app.member.People;
import org.collaborative.app.moderation.GroupModeration;
import org.collaborative.app.moderation.ModerationViews;
import org.collaborative.app.notification.Digests;
import org.collaborative.app.notification.FeedTokens;
import org.collaborative.app.notification.NotificationViews;
import org.collaborative.app.notification.UnsubscribeLinks;
import org.collaborative.app.onboarding.Invitations;
import org.collaborative.app.onboarding.OrganisationDirectory;
import org.collaborative.app.onboarding.Passwords;
import org.collaborative.app.onboarding.Registrations;
import org.collaborative.app.operations.ParkedViewRecords;
import org.collaborative.app.operations.ViewRebuilds;
import org.collaborative.app.organisation.EmailDomainDirectory;
import org.collaborative.app.organisation.OrganisationViews;
import org.collaborative.app.personaldata.SecurityLog;
import org.collaborative.app.practice.PracticeDirectory;
import org.collaborative.app.practice.PracticeLabels;
import org.collaborative.app.practice.PracticeViews;
import org.collaborative.app.privacy.PersonalDataExport;
import org.collaborative.app.proposal.ProposalLabels;
import org.collaborative.app.retreat.RetreatAttendance;
import org.collaborative.app.retreat.RetreatDates;
import org.collaborative.app.retreat.RetreatViews;
import org.collaborative.app.search.Search;
import org.collaborative.app.spread.ParticipationViews;
import org.collaborative.app.spread.PracticeSpreads;
import org.collaborative.app.theme.ThemeViews;
import org.collaborative.app.web.commitment.CommitmentSliceBeans;
import org.collaborative.app.web.item.ItemSliceBeans;
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
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * A controller slice test ({@code @WebMvcTest}): the controllers with the real MVC set-up (advice, Thymeleaf
 * templates, htmx, Spring Security's default chain, so requests need a user and a CSRF token), {@link Commands} over
 * a Mockito {@link CommandGateway}, the real {@link GroupPages}, and Mockito mocks of the view readers (which answer
 * nothing until a test says what they hold; {@code People} answers no names). Fixtures are in {@link Slices}.
 *
 * <p>Every slice has the same beans, so all of them run in one Spring context, built once: a test that needs another
 * mock adds its type here (or, for a type only its package can name, to that package's {@code *SliceBeans}) and
 * {@code @Autowired}s it; Spring resets every mock after each test.
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
            PracticeSpreads.class,
            CommitmentViews.class,
            UnsubscribeLinks.class,
            PracticeViews.class,
            Invitations.class,
            RetreatViews.class,
            FeedTokens.class,
            Digests.class,
            BoardViews.class,
            BoardAccess.class,
            Search.class,
            Registrations.class,
            PracticeDirectory.class,
            Passwords.class,
            LiveUpdates.class,
            EmailDomainDirectory.class,
            ViewRebuilds.class,
            UserDetailsService.class,
            SecurityLog.class,
            RetreatAttendance.class,
            PersonalDataExport.class,
            ParticipationViews.class,
            ParkedViewRecords.class,
            ParkedEvents.class,
            OrganisationDirectory.class,
            AccessTokens.class
        })
@ExtendWith(Slices.Defaults.class)
public @interface ControllerSlice {

    /**
     * The controllers under test. Every slice loads every controller, so that all slices share one Spring context
     * (built once, not once per test class); this names what the test is about, and {@code
     * EveryControllerHasASliceTest} checks that each controller is named by some slice.
     */
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
        SpreadLabels.class,
        BoardPages.class,
        PledgeFulfilments.class,
        RetreatDates.class,
        PracticeLabels.class,
        ItemSliceBeans.class,
        CommitmentSliceBeans.class
    })
    class Beans {

        @Bean
        Clock clock() {
            return Clock.fixed(Slices.NOW, ZoneOffset.UTC);
        }
    }
}
