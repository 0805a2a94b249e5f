package org.collaborative.views;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.collaborative.views.board.BoardView;
import org.collaborative.views.commitment.CommitmentView;
import org.collaborative.views.digest.ActivityView;
import org.collaborative.views.digest.Digest;
import org.collaborative.views.digest.NotificationSettings;
import org.collaborative.views.follow.Follows;
import org.collaborative.views.group.GroupPage;
import org.collaborative.views.item.ItemView;
import org.collaborative.views.moderation.ModerationView;
import org.collaborative.views.organisation.OrganisationCard;
import org.collaborative.views.parking.ParkedRecord;
import org.collaborative.views.parking.ParkedRetry;
import org.collaborative.views.practice.AdoptionView;
import org.collaborative.views.practice.PracticeView;
import org.collaborative.views.rebuild.Rebuild;
import org.collaborative.views.rebuild.ViewRegistryEntry;
import org.collaborative.views.retreat.RetreatView;
import org.collaborative.views.search.SearchEntry;
import org.collaborative.views.search.SearchText;
import org.collaborative.views.spread.PracticeSpread;
import org.collaborative.views.theme.ThemeCard;

/**
 * One fully populated example of every document of the read-model contract, for the approval test. Instants are to
 * the millisecond, as MongoDB stores them; maps of more than one entry are sorted, so that the document is the same on
 * every run.
 */
final class ViewSamples {

    static final Instant T0 = Instant.parse("2026-11-26T09:30:00.123Z");
    static final Instant T1 = Instant.parse("2026-11-27T10:15:00.456Z");
    static final Instant T2 = Instant.parse("2026-11-30T08:00:00Z");

    static final String THEME = "behaviour-change";
    static final String GROUP = "5f0c1f7e-0000-4000-8000-000000000002";
    static final String PRIYA = "5f0c1f7e-0000-4000-8000-000000000003";
    static final String TOM = "5f0c1f7e-0000-4000-8000-000000000004";
    static final String QUESTION = "5f0c1f7e-0000-4000-8000-000000000005";
    static final String EVIDENCE = "5f0c1f7e-0000-4000-8000-000000000006";
    static final String PROPOSAL = "5f0c1f7e-0000-4000-8000-000000000007";
    static final String COMMENT = "5f0c1f7e-0000-4000-8000-000000000008";
    static final String HACKNEY = "E09000012";
    static final String CAMDEN = "E09000007";

    static final Map<String, Long> APPLIED = Map.of(GROUP, 3L);

    static final ThemeCard THEME_CARD =
            new ThemeCard(THEME, "Behaviour change", "Nudges that work.", T0, List.of(GROUP), false, APPLIED, 4L);

    static final GroupPage GROUP_PAGE = new GroupPage(
            GROUP,
            THEME,
            "Nudging recycling",
            "What gets residents to recycle more.",
            "COUNCIL_ONLY",
            T0,
            List.of(PRIYA),
            List.of(new GroupPage.Membership(PRIYA, HACKNEY, T0)),
            List.of(new GroupPage.QuestionSummary(
                    QUESTION, "Do bin stickers work?", "Evidence wanted.", PRIYA, HACKNEY, T1)),
            List.of(new GroupPage.JoinRequest(TOM, CAMDEN, T1, "Councils only for now", T2)),
            List.of(new GroupPage.Invitation(TOM, CAMDEN, PRIYA, T1)),
            List.of(new GroupPage.ItemRef(EVIDENCE, "evidence", T1)),
            new GroupPage.Archival("Its work moved to the recycling programme board.", PRIYA, T2),
            APPLIED,
            7L);

    static final OrganisationCard ORGANISATION =
            new OrganisationCard(HACKNEY, "Hackney", "LONDON_BOROUGH", HACKNEY, "INNER", 3, 6, Map.of(HACKNEY, 0L), 1L);

    static final ItemView ITEM = new ItemView(
            PROPOSAL,
            "proposal",
            GROUP,
            THEME,
            "Joint e-auction for laptops",
            "Ten councils buying together.",
            TOM,
            CAMDEN,
            T0,
            "OPEN_FOR_CHALLENGE",
            "NEW_PARTNERSHIP",
            List.of(new ItemView.EvidenceVersion(
                    T0,
                    TOM,
                    "Bin stickers",
                    "A trial in Hackney.",
                    "https://example.org/trial",
                    "RANDOMISED_TRIAL",
                    3)),
            List.of(new ItemView.StatusChange(T1, TOM, "OPEN_FOR_CHALLENGE", "Ready for challenge")),
            List.of(
                    new ItemView.Answer("a1", "Yes, by 12%.", PRIYA, HACKNEY, T1, null),
                    new ItemView.Answer(
                            "a2",
                            "Ask the resident at number 4.",
                            PRIYA,
                            HACKNEY,
                            T1,
                            new ItemView.Hidden(TOM, "Names a resident.", T1))),
            List.of(new ItemView.Acceptance("a1", TOM, T1)),
            List.of(new ItemView.Reaction(PRIYA, HACKNEY, T1)),
            List.of(new ItemView.Challenge("c1", PRIYA, HACKNEY, "Too small a sample", T1)),
            List.of(new ItemView.Link(EVIDENCE, TOM, T1)),
            List.of(new ItemView.Comment(
                    COMMENT, "Good idea.", PRIYA, HACKNEY, T1, new ItemView.Hidden(TOM, "Off topic", T2))),
            List.of(new ItemView.HistoryEntry(T0, TOM, CAMDEN, "drafted", "Joint e-auction for laptops", "event-1")),
            new ItemView.Hidden(PRIYA, "Duplicate", T2),
            new ItemView.Origin(
                    "5f0c1f7e-0000-4000-8000-00000000000a",
                    "5f0c1f7e-0000-4000-8000-00000000000b",
                    "5f0c1f7e-0000-4000-8000-00000000000d",
                    null),
            new TreeMap<>(Map.of(PROPOSAL, 4L, COMMENT, 0L)),
            9L);

    static final SearchEntry SEARCH_ENTRY = new SearchEntry(
            EVIDENCE,
            "evidence",
            EVIDENCE,
            GROUP,
            THEME,
            HACKNEY,
            "Bin stickers work",
            "Recycling rose **12%**.\nHackney waste returns",
            List.of(SearchEntry.Part.of("0", "Recycling rose **12%**.\nHackney waste returns")),
            List.of("bin", "sticker", "work", "recycl", "rose", "12", "hacknei", "wast", "return"),
            SearchText.terms("Bin stickers work"),
            SearchText.terms("Recycling rose **12%**.\nHackney waste returns"),
            T1,
            3,
            Map.of(EVIDENCE, 1L),
            2L);

    static final ModerationView MODERATION = new ModerationView(
            COMMENT,
            "comment",
            PROPOSAL,
            GROUP,
            new ModerationView.Hidden(TOM, "Off topic", T2),
            List.of(new ModerationView.Report("r1", "Off topic", PRIYA, HACKNEY, T1)),
            List.of(
                    new ModerationView.Entry("reported", PRIYA, HACKNEY, "Off topic", T1, "event-2"),
                    new ModerationView.Entry("hid", TOM, CAMDEN, "Off topic", T2, "event-3")),
            T2,
            Map.of(COMMENT, 2L),
            3L);

    static final Follows FOLLOWS = new Follows(PRIYA, List.of(GROUP), List.of(PROPOSAL), Map.of(PRIYA, 5L), 6L);

    static final ActivityView ACTIVITY = new ActivityView(
            PROPOSAL,
            "ITEM",
            "proposal",
            GROUP,
            THEME,
            "Joint e-auction for laptops",
            TOM,
            CAMDEN,
            "OPEN_FOR_CHALLENGE",
            List.of(PRIYA),
            List.of(PRIYA),
            List.of(HACKNEY),
            List.of(CAMDEN),
            List.of(EVIDENCE),
            false,
            T1,
            List.of(new ActivityView.Happening(
                    "PROPOSAL_DECIDED:" + TOM + ":" + T1,
                    ActivityView.Kind.PROPOSAL_DECIDED,
                    T1,
                    TOM,
                    CAMDEN,
                    PRIYA,
                    3,
                    "TAKEN_FORWARD")),
            Map.of(PROPOSAL, 4L),
            5L);

    static final NotificationSettings SETTINGS = new NotificationSettings(
            PRIYA,
            HACKNEY,
            "CHIEF_EXECUTIVE",
            "FRIDAY",
            "07:30",
            false,
            List.of(new NotificationSettings.Frequency("GROUP", GROUP, "DAILY")),
            T1,
            Map.of(PRIYA, 3L),
            4L);

    static final Digest DIGEST = new Digest(
            PRIYA + ":2026-W49",
            PRIYA,
            HACKNEY,
            "Hackney",
            "CHIEF_EXECUTIVE",
            "2026-W49",
            T0,
            T2,
            "SENT",
            "projections-1",
            T2,
            T2,
            "Hackney this week: 1 thing",
            List.of(new Digest.Section(
                    "decided",
                    "Decided",
                    List.of(new Digest.Entry(
                            PROPOSAL,
                            "Joint e-auction for laptops",
                            "Taken forward with your council's support.",
                            "/items/" + PROPOSAL,
                            T1)))),
            List.of(new Digest.Section(
                    "elsewhere",
                    "Elsewhere",
                    List.of(new Digest.Entry(
                            "burst:" + GROUP + ":QUESTION_POSTED",
                            "3 new questions in ‘Shared procurement’",
                            "Posted this week in a group you belong to.",
                            "/groups/" + GROUP,
                            T1)))),
            2,
            "workspace-1",
            T2,
            T2,
            1,
            "Connection refused");

    static final Rebuild REBUILD = new Rebuild(
            "5f0c1f7e-0000-4000-8000-000000000009",
            GroupPage.COLLECTION,
            Rebuild.State.RUNNING,
            "member:" + PRIYA,
            T0,
            T1,
            T2,
            120L,
            928L,
            "projections-1",
            T2,
            "Topic unavailable");

    static final ViewRegistryEntry VIEW_REGISTRY_ENTRY =
            new ViewRegistryEntry(GroupPage.COLLECTION, T0, true, T1, 928L, "projection.group-page");

    static final ParkedRecord PARKED = new ParkedRecord(
            ParkedRecord.id(ItemView.COLLECTION, "collaborative.events", 3, 1204L),
            ItemView.COLLECTION,
            3,
            QUESTION,
            "collaborative.events",
            1204L,
            "5f0c1f7e-0000-4000-8000-00000000001a",
            "org.collaborative.events.question.QuestionAnswered",
            "ConversionFailedException: Failed to convert from type [Document] to type [Instant]",
            T1,
            T2,
            List.of(
                    new ParkedRecord.Header("ce_type", "org.collaborative.events.question.QuestionAnswered"),
                    new ParkedRecord.Header("ce_aggregateid", QUESTION),
                    new ParkedRecord.Header("ce_aggregatesequence", "2")),
            "eyJxdWVzdGlvbklkIjoiNWYwYzFmN2UifQ==");

    static final ParkedRetry PARKED_RETRY = new ParkedRetry(
            "5f0c1f7e-0000-4000-8000-00000000001b", ItemView.COLLECTION, 3, QUESTION, "member:" + PRIYA, T2);

    static final String PRACTICE = "5f0c1f7e-0000-4000-8000-000000000009";
    static final String RETREAT = "5f0c1f7e-0000-4000-8000-00000000000a";
    static final String SESSION = "5f0c1f7e-0000-4000-8000-00000000000b";
    static final String CARD = "5f0c1f7e-0000-4000-8000-00000000000c";
    static final String CLUSTER = "5f0c1f7e-0000-4000-8000-00000000000d";
    static final String ACTION = "5f0c1f7e-0000-4000-8000-00000000000e";
    static final String OUTCOME = "5f0c1f7e-0000-4000-8000-00000000000f";
    static final java.time.LocalDate D0 = java.time.LocalDate.parse("2025-03-14");
    static final java.time.LocalDate D1 = java.time.LocalDate.parse("2026-02-02");

    static final PracticeView PRACTICE_VIEW = new PracticeView(
            PRACTICE,
            "IT hardware e-auction",
            "Councils buy laptops together in one reverse auction.",
            THEME,
            CAMDEN,
            PROPOSAL,
            TOM,
            T0,
            D0,
            T1,
            List.of(EVIDENCE),
            List.of(new PracticeView.HelpOffer(PRIYA, HACKNEY, List.of("ADVICE", "VISIT"), T1)),
            APPLIED,
            2L);

    static final AdoptionView ADOPTION = new AdoptionView(
            PRACTICE + ":" + HACKNEY,
            PRACTICE,
            HACKNEY,
            "ADOPTED",
            D1,
            null,
            List.of(
                    new AdoptionView.Move("EXPLORING", D0, null, null, null, PRIYA, T0),
                    new AdoptionView.Move("ADOPTED", D1, null, null, null, PRIYA, T1)),
            List.of(new AdoptionView.Outcome(
                    OUTCOME,
                    "CASHABLE_SAVING",
                    40_000_000L,
                    "RECURRING",
                    D0,
                    D1,
                    null,
                    null,
                    null,
                    null,
                    "Finance report",
                    3,
                    PRIYA,
                    T1,
                    TOM,
                    D1,
                    T2)),
            APPLIED,
            3L);

    static final PracticeSpread SPREAD = new PracticeSpread(
            PRACTICE,
            "IT hardware e-auction",
            THEME,
            CAMDEN,
            PROPOSAL,
            T0,
            D0,
            List.of(new PracticeSpread.Move(
                    PRACTICE + ":" + HACKNEY, HACKNEY, "PILOTING", D1, null, null, null, PRIYA, T1)),
            List.of(new PracticeSpread.Outcome(
                    OUTCOME,
                    PRACTICE + ":" + HACKNEY,
                    HACKNEY,
                    "NON_CASHABLE_SAVING",
                    1_250_000L,
                    "ONE_OFF",
                    D0,
                    D1,
                    null,
                    null,
                    null,
                    null,
                    "Staff time survey",
                    2,
                    PRIYA,
                    T1,
                    null,
                    null)),
            APPLIED,
            4L);

    static final RetreatView RETREAT_VIEW = new RetreatView(
            RETREAT,
            "Chief executives' retreat",
            "CHIEF_EXECUTIVES_RETREAT",
            "Cumberland Lodge",
            null,
            java.time.LocalDateTime.parse("2026-10-01T12:00"),
            java.time.LocalDateTime.parse("2026-10-02T12:00"),
            40,
            List.of(THEME),
            true,
            TOM,
            T0,
            "SCHEDULED",
            null,
            List.of(new RetreatView.Session(
                    SESSION,
                    "Behaviour change",
                    "BREAKOUT",
                    java.time.LocalDateTime.parse("2026-10-01T14:00"),
                    java.time.LocalDateTime.parse("2026-10-01T16:00"),
                    "Library",
                    TOM,
                    THEME,
                    GROUP)),
            List.of(PRIYA, TOM),
            List.of(),
            List.of(new RetreatView.Attendee(PRIYA, HACKNEY, T1)),
            List.of(new RetreatView.Attendee(TOM, CAMDEN, T2)),
            Map.of(PRIYA, List.of(SESSION)),
            Map.of(SESSION, List.of(PRIYA)),
            new RetreatView.Allocation(TOM, T2, 0),
            List.of(new RetreatView.Notice(
                    "POSTPONED",
                    9L,
                    T2,
                    TOM,
                    List.of("DATES"),
                    "Chief executives' retreat",
                    java.time.LocalDateTime.parse("2026-10-01T12:00"),
                    java.time.LocalDateTime.parse("2026-10-02T12:00"),
                    "Cumberland Lodge",
                    "",
                    "The lodge is being rewired")),
            APPLIED,
            5L);

    static final BoardView BOARD = new BoardView(
            SESSION,
            RETREAT,
            TOM,
            T0,
            false,
            List.of(new BoardView.Cluster(CLUSTER, "Buy together", T1)),
            List.of(new BoardView.Card(CARD, PRIYA, "IDEA", "Pool laptop orders", T1, CLUSTER)),
            "OPEN",
            3,
            false,
            List.of(new BoardView.Dots(CARD, PRIYA, 2)),
            List.of(new BoardView.Draft(CLUSTER, PROPOSAL, GROUP, T2)),
            APPLIED,
            6L);

    static final CommitmentView COMMITMENT = new CommitmentView(
            ACTION,
            "ACTION",
            RETREAT,
            SESSION,
            CARD,
            CLUSTER,
            "Draft the joint specification",
            PRIYA,
            HACKNEY,
            D1,
            GROUP,
            PROPOSAL,
            D0,
            TOM,
            T0,
            "ON_TRACK",
            null,
            PRIYA,
            T2,
            List.of(new CommitmentView.CheckIn(30, T1, T2)),
            D1,
            new CommitmentView.Fulfilment(PRACTICE, "PILOTING", D0),
            APPLIED,
            7L);

    static final List<Object> ALL = List.of(
            THEME_CARD,
            GROUP_PAGE,
            ORGANISATION,
            ITEM,
            SEARCH_ENTRY,
            MODERATION,
            FOLLOWS,
            ACTIVITY,
            SETTINGS,
            DIGEST,
            REBUILD,
            VIEW_REGISTRY_ENTRY,
            PARKED,
            PARKED_RETRY,
            PRACTICE_VIEW,
            ADOPTION,
            SPREAD,
            RETREAT_VIEW,
            BOARD,
            COMMITMENT);

    private ViewSamples() {}
}
