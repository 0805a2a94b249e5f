package org.collaborative.app.support;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.collaborative.app.account.SignedIn;
import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.group.GroupViews;
import org.collaborative.app.item.ItemViews;
import org.collaborative.app.member.People;
import org.collaborative.app.theme.ThemeViews;
import org.collaborative.events.member.MemberRole;
import org.collaborative.views.group.GroupPage;
import org.collaborative.views.group.GroupPage.Membership;
import org.collaborative.views.item.ItemView;
import org.collaborative.views.item.ItemView.HistoryEntry;
import org.collaborative.views.theme.ThemeCard;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Fixtures for controller slice tests ({@link ControllerSlice}): people, a theme, a group and its items. */
public final class Slices {

    /** The slices' clock. */
    public static final Instant NOW = Instant.parse("2026-11-03T10:15:30Z");

    public static final String THEME = "housing";
    public static final String GROUP = "11111111-1111-4111-8111-111111111111";
    public static final String COUNCIL = "camden";

    /** A member of {@link #GROUP}. */
    public static final WorkspaceUser MEMBER = SignedIn.as("member-1", COUNCIL, MemberRole.SERVICE_LEADER);
    /** A facilitator of {@link #GROUP}. */
    public static final WorkspaceUser FACILITATOR = SignedIn.as("facilitator-1", COUNCIL, MemberRole.FACILITATOR);
    /** Someone in no group. */
    public static final WorkspaceUser OUTSIDER = SignedIn.as("outsider-1", "hackney", MemberRole.SERVICE_LEADER);

    public static final WorkspaceUser ADMINISTRATOR = SignedIn.as("admin-1", COUNCIL, MemberRole.ADMINISTRATOR);

    private Slices() {}

    /** A request signed in as {@code who}. */
    public static RequestPostProcessor as(WorkspaceUser who) {
        return user(who);
    }

    public static ThemeCard theme() {
        return new ThemeCard(
                THEME,
                "Housing",
                "Homes for Londoners",
                NOW.minusSeconds(172_800),
                List.of(GROUP),
                false,
                Map.of(),
                0L);
    }

    /** An open group on {@link #THEME} with {@link #MEMBER} and {@link #FACILITATOR} (its facilitator). */
    public static GroupPage group() {
        return new GroupPage(
                GROUP,
                THEME,
                "Temporary accommodation",
                "Fewer families in B&Bs",
                "OPEN",
                NOW.minusSeconds(86_400),
                List.of(FACILITATOR.memberId()),
                List.of(
                        new Membership(FACILITATOR.memberId(), COUNCIL, NOW.minusSeconds(86_400)),
                        new Membership(MEMBER.memberId(), COUNCIL, NOW.minusSeconds(3_600))),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                null,
                Map.of(),
                0L);
    }

    /** An item of {@code type} ("question", "evidence", "proposal") in {@link #GROUP}, posted by {@code author}. */
    public static ItemView item(String id, String type, String status, WorkspaceUser author) {
        Instant at = NOW.minusSeconds(600);
        List<ItemView.EvidenceVersion> versions = type.equals("evidence")
                ? List.of(new ItemView.EvidenceVersion(
                        at,
                        author.memberId(),
                        "Evidence title",
                        "What it shows",
                        "https://example.org/report",
                        "EVALUATION",
                        3))
                : List.of();
        return new ItemView(
                id,
                type,
                GROUP,
                THEME,
                "Title of " + id,
                "Body of " + id,
                author.memberId(),
                author.organisationId(),
                at,
                status,
                type.equals("proposal") ? "PROCESS_IMPROVEMENT" : null,
                versions,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(new HistoryEntry(at, author.memberId(), author.organisationId(), "posted", "", "Posted")),
                null,
                null,
                Map.of(),
                0L);
    }

    /** A question with these answers (each as the view holds it, hidden or not). */
    public static ItemView withAnswers(ItemView question, ItemView.Answer... answers) {
        return new ItemView(
                question.id(),
                question.type(),
                question.groupId(),
                question.themeId(),
                question.title(),
                question.body(),
                question.authorId(),
                question.organisationId(),
                question.createdAt(),
                question.status(),
                question.form(),
                question.versions(),
                question.statuses(),
                List.of(answers),
                question.acceptances(),
                question.endorsements(),
                question.challenges(),
                question.links(),
                question.comments(),
                question.history(),
                question.hidden(),
                question.origin(),
                question.applied(),
                question.version());
    }

    /** Puts the theme and the group in the mocked views. */
    public static void given(ApplicationContext context, GroupPage group) {
        when(context.getBean(ThemeViews.class).find(group.themeId())).thenReturn(Optional.of(theme()));
        when(context.getBean(GroupViews.class).find(group.id())).thenReturn(Optional.of(group));
        when(context.getBean(GroupViews.class).findWithQuestionsPage(eq(group.id()), anyInt()))
                .thenReturn(Optional.of(group));
    }

    /** Puts the item (and its group and theme) in the mocked views. */
    public static void given(ApplicationContext context, ItemView item) {
        given(context, group());
        when(context.getBean(ItemViews.class).find(item.id())).thenReturn(Optional.of(item));
    }

    /** What every slice's mocks answer before a test says more: no names known, no evidence behind a proposal. */
    public static final class Defaults implements BeforeEachCallback {

        @Override
        public void beforeEach(ExtensionContext extension) {
            ApplicationContext context = SpringExtension.getApplicationContext(extension);
            when(context.getBean(People.class).names(any(), any())).thenReturn(new People.Names(Map.of(), Map.of()));
            when(context.getBean(ItemViews.class).profile(any(), any()))
                    .thenReturn(new ItemViews.EvidenceProfile(0, null, null));
        }
    }
}
