package org.collaborative.projections.digest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.collaborative.views.commitment.CommitmentView;
import org.collaborative.views.digest.ActivityView;
import org.collaborative.views.digest.ActivityView.Happening;
import org.collaborative.views.digest.ActivityView.Kind;
import org.collaborative.views.digest.Digest.Entry;
import org.collaborative.views.digest.Digest.Section;
import org.collaborative.views.digest.DigestWeek;
import org.collaborative.views.digest.NotificationSettings;
import org.collaborative.views.follow.Follows;
import org.collaborative.views.group.GroupPage;
import org.collaborative.views.organisation.OrganisationCard;
import org.collaborative.views.retreat.RetreatView;
import org.collaborative.views.spread.PracticeSpread;

/**
 * Ranks one week's activity for one member: pure, so that the ranking can be tested on its own and every
 * projections instance ranks the same week the same way.
 *
 * <p>A chief executive's digest is ranked for their council, in the order of the domain guide, as far as the
 * workspace records it today: (1) decisions and asks waiting on them or their council, (2) adoption moves recorded by
 * neighbouring boroughs (touching tiles) and statistical peers, beside the proposals those neighbours took forward,
 * opened and endorsed and the evidence they submitted, (3) evidence upgrades behind practices their council is trying
 * and proposals it is involved in, (4) their council's pledges and actions from retreats coming due (due
 * within {@link #COMING_DUE_WITHIN} of the digest, overdue, or with a check-in waiting), soonest first, and (5) what
 * changed in themes their council is in, and (6) upcoming retreats they are invited to and have not answered (within
 * {@link #RETREATS_WITHIN}), or have a place at and that start within a week; and last, (7) what happened to what
 * they posted and to what they follow ("In your groups"). Everyone else gets "what changed in your groups": asks
 * waiting on them, then what happened in the groups they are in and the things they follow.
 *
 * <p>Each item appears once, in its highest category, for its newest happening there; categories keep their order,
 * newest first within each, and the whole digest is capped. Nothing done by the reader themselves is shown.
 */
public final class DigestComposer {

    /** The categories, in rank order, with the heading each has in a digest. */
    public enum Category {
        WAITING_ON_YOU("Waiting on you"),
        NEIGHBOURS("Neighbouring boroughs"),
        EVIDENCE_UPGRADES("Stronger evidence"),
        COMING_DUE("Pledges and actions coming due"),
        THEMES("In your council's themes"),
        UPCOMING_RETREATS("Upcoming retreats"),
        YOUR_GROUPS("In your groups");

        final String heading;

        Category(String heading) {
            this.heading = heading;
        }
    }

    /** What a composition found: nothing, or the sections to keep and send. */
    public record Composition(String kind, List<Section> sections, List<Section> rest, int total, String subject) {

        public boolean isEmpty() {
            return sections.isEmpty();
        }
    }

    private record Candidate(
            Category category,
            String itemId,
            String title,
            String why,
            String link,
            Instant at,
            String groupId,
            Kind kind,
            String source) {

        Entry entry() {
            return new Entry(itemId, title, why, link, at);
        }
    }

    /** A burst: this many entries of one kind in one group and category become one line that says how many. */
    static final int BURST = 3;
    /** At most this many entries from one working group, and from one organisation, while others are waiting. */
    static final int PER_GROUP = 2;

    static final int PER_SOURCE = 3;

    private final int cap;

    public DigestComposer(int cap) {
        if (cap < 1) {
            throw new IllegalArgumentException("The digest cap must be at least 1");
        }
        this.cap = cap;
    }

    public Composition compose(NotificationSettings reader, DigestContext context) {
        boolean chief = reader.isChiefExecutive() && reader.organisationId() != null;
        Reader r = new Reader(reader, context);
        Map<String, Candidate> best = new LinkedHashMap<>();
        for (ActivityView item : context.activity()) {
            if (item.hidden() || item.groupId() == null || !r.canSee(item.groupId())) {
                continue;
            }
            for (Happening happening : item.happenings()) {
                if (!context.week().covers(happening.at()) || reader.id().equals(happening.actorId())) {
                    continue;
                }
                Optional<Candidate> candidate = r.waitingOn(item, happening);
                if (candidate.isEmpty() && chief) {
                    candidate = r.neighbours(item, happening)
                            .or(() -> r.upgrade(item, happening))
                            .or(() -> r.themes(item, happening))
                            .or(() -> r.yoursOrFollowed(item, happening));
                } else if (candidate.isEmpty()) {
                    candidate = r.yourGroups(item, happening);
                }
                candidate.ifPresent(c -> best.merge(c.itemId(), c, DigestComposer::better));
            }
        }
        if (chief) {
            r.adoptionMoves().forEach(c -> best.merge(c.itemId(), c, DigestComposer::better));
            for (CommitmentView commitment : context.commitments()) {
                r.comingDue(commitment).ifPresent(c -> best.merge(c.itemId(), c, DigestComposer::better));
            }
            for (RetreatView retreat : context.retreats()) {
                r.upcoming(retreat).ifPresent(c -> best.merge(c.itemId(), c, DigestComposer::better));
            }
        }
        List<Candidate> ranked = summariseBursts(new ArrayList<>(best.values()), r);
        ranked.sort(RANK);
        List<Candidate> chosen = choose(ranked);
        List<Candidate> rest = ranked.stream().filter(c -> !chosen.contains(c)).toList();
        List<Section> result = sections(chosen, r.councilName());
        String kind = chief ? "CHIEF_EXECUTIVE" : "MEMBER";
        return new Composition(
                kind,
                result,
                sections(rest, r.councilName()),
                ranked.size(),
                subject(chief, r.councilName(), result, ranked.size()));
    }

    /** Categories in order, newest first within each; what is coming due, soonest first. */
    private static final Comparator<Candidate> RANK = Comparator.comparing(Candidate::category)
            .thenComparing(c -> c.category() == Category.COMING_DUE || c.category() == Category.UPCOMING_RETREATS
                    ? c.at().toEpochMilli()
                    : -c.at().toEpochMilli())
            .thenComparing(Candidate::itemId);

    /** A council's action or pledge is "coming due" in a digest made this long or less before its date. */
    static final java.time.Period COMING_DUE_WITHIN = java.time.Period.ofDays(28);

    /** An unanswered invitation is listed while the retreat starts within this of the digest. */
    static final java.time.Period RETREATS_WITHIN = java.time.Period.ofWeeks(8);

    private static List<Section> sections(List<Candidate> candidates, String council) {
        Map<Category, List<Entry>> sections = new EnumMap<>(Category.class);
        candidates.stream()
                .sorted(RANK)
                .forEach(c -> sections.computeIfAbsent(c.category(), k -> new ArrayList<>())
                        .add(c.entry()));
        return sections.entrySet().stream()
                .map(e -> new Section(e.getKey().name(), heading(e.getKey(), council), e.getValue()))
                .toList();
    }

    /**
     * Picks what fills the digest so that no one group, council or burst can crowd out the rest: first the best entry
     * of every category that has one, then the others in rank order while no group has more than {@link #PER_GROUP}
     * and no organisation more than {@link #PER_SOURCE} entries, and only then, if places are still free, the rest in
     * rank order.
     */
    private List<Candidate> choose(List<Candidate> ranked) {
        List<Candidate> chosen = new ArrayList<>();
        Map<String, Integer> perGroup = new java.util.HashMap<>();
        Map<String, Integer> perSource = new java.util.HashMap<>();
        java.util.function.Consumer<Candidate> take = c -> {
            chosen.add(c);
            perGroup.merge(String.valueOf(c.groupId()), 1, Integer::sum);
            perSource.merge(String.valueOf(c.source()), 1, Integer::sum);
        };
        Set<Category> represented = java.util.EnumSet.noneOf(Category.class);
        for (Candidate c : ranked) {
            if (chosen.size() < cap && represented.add(c.category())) {
                take.accept(c);
            }
        }
        for (Candidate c : ranked) {
            if (chosen.size() < cap
                    && !chosen.contains(c)
                    && perGroup.getOrDefault(String.valueOf(c.groupId()), 0) < PER_GROUP
                    && (c.source() == null || perSource.getOrDefault(c.source(), 0) < PER_SOURCE)) {
                take.accept(c);
            }
        }
        for (Candidate c : ranked) {
            if (chosen.size() < cap && !chosen.contains(c)) {
                take.accept(c);
            }
        }
        return chosen;
    }

    /**
     * Entries of one kind in one group and category, {@link #BURST} or more, become one: "12 new questions in
     * ‘Nudging recycling’", at the time of the newest, linking to the group.
     */
    private static List<Candidate> summariseBursts(List<Candidate> candidates, Reader r) {
        Map<List<Object>, List<Candidate>> bursts = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            bursts.computeIfAbsent(java.util.Arrays.asList(c.category(), c.groupId(), c.kind()), k -> new ArrayList<>())
                    .add(c);
        }
        List<Candidate> result = new ArrayList<>();
        for (List<Candidate> burst : bursts.values()) {
            Candidate first = burst.get(0);
            String noun =
                    first.groupId() == null || first.kind() == null ? null : burstNoun(first.kind(), burst.size());
            if (burst.size() < BURST || noun == null) {
                result.addAll(burst);
                continue;
            }
            Instant newest = burst.stream()
                    .map(Candidate::at)
                    .max(Comparator.naturalOrder())
                    .orElseThrow();
            Set<String> from = new java.util.TreeSet<>();
            burst.forEach(c -> from.add(r.context.organisationName(c.source())));
            String group = Reader.quoted(r.groupName(first.groupId()));
            String title = burst.size() + " " + noun + " in " + group;
            String why = (first.category() == Category.WAITING_ON_YOU ? "They wait on you or your council. " : "")
                    + "From " + listed(new ArrayList<>(from)) + "; open the group to see them all.";
            result.add(new Candidate(
                    first.category(),
                    "burst:" + first.groupId() + ":" + first.kind(),
                    title,
                    why,
                    "/groups/" + first.groupId(),
                    newest,
                    first.groupId(),
                    first.kind(),
                    null));
        }
        return result;
    }

    private static String burstNoun(Kind kind, int n) {
        return switch (kind) {
            case QUESTION_POSTED -> "new questions";
            case QUESTION_ANSWERED -> "questions answered";
            case EVIDENCE_SUBMITTED -> "new pieces of evidence";
            case EVIDENCE_REVISED -> "pieces of evidence revised";
            case PROPOSAL_DRAFTED -> "new proposals";
            case PROPOSAL_OPENED -> "proposals open for challenge";
            case PROPOSAL_ENDORSED -> "endorsements";
            case COMMENT_POSTED -> "new comments";
            default -> null;
        };
    }

    private static String listed(List<String> names) {
        if (names.size() <= 3) {
            return names.size() == 1
                    ? names.get(0)
                    : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
        }
        return String.join(", ", names.subList(0, 3)) + " and " + (names.size() - 3) + " more";
    }

    /** The higher category wins; within one, the newer happening. */
    private static Candidate better(Candidate a, Candidate b) {
        int byCategory = a.category().compareTo(b.category());
        if (byCategory != 0) {
            return byCategory < 0 ? a : b;
        }
        return a.at().isAfter(b.at()) ? a : b;
    }

    private static String heading(Category category, String council) {
        return switch (category) {
            case WAITING_ON_YOU -> "Waiting on you";
            case NEIGHBOURS -> "Neighbouring boroughs";
            case EVIDENCE_UPGRADES -> "Stronger evidence";
            case COMING_DUE -> council + "'s pledges and actions coming due";
            case THEMES -> "In " + council + "'s themes";
            case UPCOMING_RETREATS -> "Upcoming retreats";
            case YOUR_GROUPS -> "In your groups";
        };
    }

    /** Says what is inside: "Hackney this week: 2 waiting on you, 1 from neighbouring boroughs". */
    static String subject(boolean chief, String council, List<Section> sections, int total) {
        List<String> parts = new ArrayList<>();
        for (Section section : sections) {
            int n = section.entries().size();
            parts.add(
                    switch (Category.valueOf(section.category())) {
                        case WAITING_ON_YOU -> n + " waiting on you";
                        case NEIGHBOURS -> n + " from neighbouring boroughs";
                        case EVIDENCE_UPGRADES -> n + (n == 1 ? " evidence upgrade" : " evidence upgrades");
                        case COMING_DUE -> n + (n == 1 ? " pledge or action" : " pledges and actions") + " coming due";
                        case THEMES -> n + (n == 1 ? " change" : " changes") + " in your themes";
                        case UPCOMING_RETREATS -> n + (n == 1 ? " upcoming retreat" : " upcoming retreats");
                        case YOUR_GROUPS -> n + (n == 1 ? " change" : " changes") + " in your groups";
                    });
        }
        int shown = sections.stream().mapToInt(s -> s.entries().size()).sum();
        if (total > shown) {
            parts.add((total - shown) + " more in the app");
        }
        return (chief ? council + " this week: " : "Your week: ") + String.join(", ", parts);
    }

    /** The rules, from one reader's point of view. */
    private static final class Reader {
        private final NotificationSettings reader;
        private final DigestContext context;
        private final String council;
        private final Set<String> neighbours;
        /** The other boroughs of the council's ONS inner/outer London grouping that are not its neighbours. */
        private final Set<String> peers;

        private final Set<String> councilGroups = new HashSet<>();
        private final Set<String> councilThemes = new HashSet<>();
        private final Set<String> memberOf = new HashSet<>();
        private final Map<String, Boolean> visible = new java.util.HashMap<>();
        private final Follows follows;

        /** What the reader's council and the reader take part in, worked out once per digest. */
        Reader(NotificationSettings reader, DigestContext context) {
            this.reader = reader;
            this.context = context;
            this.council = reader.organisationId();
            this.neighbours = neighboursOf(council, context.organisations());
            this.peers = peersOf(council, context.organisations());
            this.peers.removeAll(neighbours);
            for (GroupPage group : context.groups().values()) {
                for (GroupPage.Membership m : group.members()) {
                    if (m.memberId().equals(reader.id())) {
                        memberOf.add(group.id());
                    }
                    if (council != null && council.equals(m.organisationId())) {
                        councilGroups.add(group.id());
                        if (group.themeId() != null) {
                            councilThemes.add(group.themeId());
                        }
                    }
                }
            }
            this.follows = context.follows().get(reader.id());
        }

        String councilName() {
            return context.organisationName(council);
        }

        private GroupPage group(String groupId) {
            return context.groups().get(groupId);
        }

        private String groupName(String groupId) {
            GroupPage group = group(groupId);
            return group == null || group.name() == null ? "a working group" : group.name();
        }

        private boolean isMember(GroupPage group) {
            return group != null && memberOf.contains(group.id());
        }

        private boolean facilitates(GroupPage group) {
            return group != null && group.facilitatorIds().contains(reader.id());
        }

        /** Open groups to all; council-only groups to anyone not from a partner; invitation-only to its people. */
        boolean canSee(String groupId) {
            return visible.computeIfAbsent(groupId, this::mayView);
        }

        private boolean mayView(String groupId) {
            GroupPage group = group(groupId);
            if (group == null) {
                return false;
            }
            if (isMember(group)
                    || (group.invitations() != null
                            && group.invitations().stream()
                                    .anyMatch(i -> i.memberId().equals(reader.id())))) {
                return true;
            }
            if ("OPEN".equals(group.visibility())) {
                return true;
            }
            OrganisationCard own =
                    council == null ? null : context.organisations().get(council);
            return "COUNCIL_ONLY".equals(group.visibility()) && own != null && !"PARTNER".equals(own.kind());
        }

        private static String quoted(String text) {
            return "‘" + text + "’";
        }

        private Candidate candidate(Category category, ActivityView item, String why, Happening happening) {
            String title = item.isGroup() ? "Requests and invitations in " + quoted(item.title()) : item.title();
            String source = happening.organisationId() != null ? happening.organisationId() : item.organisationId();
            return new Candidate(
                    category,
                    item.id(),
                    title == null ? "Untitled" : title,
                    why,
                    item.link(),
                    happening.at(),
                    item.groupId(),
                    happening.kind(),
                    source);
        }

        /**
         * (1) Asks and decisions waiting on the reader; for a chief executive also questions waiting on their council.
         */
        Optional<Candidate> waitingOn(ActivityView item, Happening h) {
            GroupPage group = group(item.groupId());
            String groupName = quoted(groupName(item.groupId()));
            switch (h.kind()) {
                case JOIN_REQUESTED -> {
                    boolean pending = group != null
                            && group.requests() != null
                            && group.requests().stream()
                                    .anyMatch(q -> q.pending() && q.memberId().equals(h.subjectMemberId()));
                    if (facilitates(group) && pending) {
                        return Optional.of(candidate(
                                Category.WAITING_ON_YOU,
                                item,
                                "A member from "
                                        + context.organisationName(h.organisationId()) + " asked to join " + groupName
                                        + ", which you facilitate: approve or decline the request.",
                                h));
                    }
                }
                case MEMBER_INVITED -> {
                    boolean pending = group != null
                            && group.invitations() != null
                            && group.invitations().stream()
                                    .anyMatch(i -> i.memberId().equals(reader.id()));
                    if (reader.id().equals(h.subjectMemberId()) && pending) {
                        return Optional.of(candidate(
                                Category.WAITING_ON_YOU,
                                item,
                                "You were invited to join " + groupName + ": join it or decline the invitation.",
                                h));
                    }
                }
                case PROPOSAL_OPENED -> {
                    if ("OPEN_FOR_CHALLENGE".equals(item.status())
                            && isMember(group)
                            && !item.respondedBy().contains(reader.id())
                            && !reader.id().equals(item.authorId())) {
                        return Optional.of(candidate(
                                Category.WAITING_ON_YOU,
                                item,
                                "Open for challenge in " + groupName
                                        + ", a group you are in, and you have not endorsed or challenged it yet.",
                                h));
                    }
                }
                case PROPOSAL_ENDORSED_BY_GROUP -> {
                    if ("ENDORSED".equals(item.status()) && facilitates(group)) {
                        return Optional.of(candidate(
                                Category.WAITING_ON_YOU,
                                item,
                                groupName
                                        + " endorsed this proposal; as a facilitator of the group you record the decision.",
                                h));
                    }
                }
                case QUESTION_POSTED -> {
                    if (reader.isChiefExecutive()
                            && council != null
                            && "OPEN".equals(item.status())
                            && councilGroups.contains(item.groupId())
                            && !council.equals(item.organisationId())
                            && !item.answeringOrganisations().contains(council)) {
                        return Optional.of(candidate(
                                Category.WAITING_ON_YOU,
                                item,
                                "Asked by a member from "
                                        + context.organisationName(item.organisationId()) + " in " + groupName
                                        + ", where "
                                        + councilName() + " takes part; nobody from " + councilName()
                                        + " has answered yet.",
                                h));
                    }
                }
                default -> {
                    // Not an ask.
                }
            }
            return Optional.empty();
        }

        /**
         * (4) The council's actions and pledges from retreats, neither done nor dropped, that fall due within
         * {@link #COMING_DUE_WITHIN} of the digest, are past their date, or have a check-in waiting that was raised
         * this week; at the moment they fall due, so the soonest comes first.
         */
        Optional<Candidate> comingDue(CommitmentView c) {
            if (council == null || !council.equals(c.organisationId()) || c.settled() || c.dueOn() == null) {
                return Optional.empty();
            }
            java.time.LocalDate today =
                    java.time.LocalDate.ofInstant(context.week().due(), DigestWeek.LONDON);
            boolean overdue = c.dueOn().isBefore(today);
            boolean soon = !overdue && !c.dueOn().isAfter(today.plus(COMING_DUE_WITHIN));
            Optional<CommitmentView.CheckIn> checkIn =
                    c.waitingCheckIn().filter(w -> context.week().covers(w.dueAt()));
            if (!overdue && !soon && checkIn.isEmpty()) {
                return Optional.empty();
            }
            String what = councilName() + "'s " + (c.isAction() ? "action" : "pledge") + " from "
                    + (context.retreatTitles().containsKey(c.retreatId())
                            ? quoted(context.retreatTitle(c.retreatId()))
                            : "a retreat");
            String date = DAY.format(c.dueOn());
            String progress = c.progress() == null
                    ? "no progress has been recorded yet"
                    : "its latest progress is " + c.progress().toLowerCase().replace('_', ' ');
            String why = (overdue
                            ? what + " was due on " + date + " and is not recorded as done"
                            : what + " is due on " + date)
                    + "; " + progress + "."
                    + checkIn.map(w -> " Its " + w.days() + "-day check-in is waiting for its owner.")
                            .orElse("");
            return Optional.of(new Candidate(
                    Category.COMING_DUE,
                    c.id(),
                    c.title(),
                    why,
                    "/retreats/" + c.retreatId() + "/report#commitment-" + c.id(),
                    c.dueOn().atStartOfDay(DigestWeek.LONDON).toInstant(),
                    "retreat:" + c.retreatId(),
                    null,
                    c.organisationId()));
        }

        /**
         * (6) A retreat the reader is invited to and has not answered, starting within {@link #RETREATS_WITHIN} of
         * the digest; or one they have a place at (or wait for) that starts within the week after it.
         */
        Optional<Candidate> upcoming(RetreatView retreat) {
            if (retreat.startsAt() == null || "CANCELLED".equals(retreat.status())) {
                return Optional.empty();
            }
            java.time.LocalDateTime due =
                    java.time.LocalDateTime.ofInstant(context.week().due(), DigestWeek.LONDON);
            if (!retreat.startsAt().isAfter(due)) {
                return Optional.empty();
            }
            boolean invited = retreat.invited() != null && retreat.invited().contains(reader.id());
            boolean registered = retreat.registered() != null
                    && retreat.registered().stream().anyMatch(a -> a.memberId().equals(reader.id()));
            boolean waiting = retreat.waiting() != null
                    && retreat.waiting().stream().anyMatch(a -> a.memberId().equals(reader.id()));
            String when = DAY.format(retreat.startsAt());
            String why;
            if (invited && !retreat.startsAt().isAfter(due.plus(RETREATS_WITHIN))) {
                why = "You are invited to this retreat on " + when + ": register for a place or decline.";
            } else if ((registered || waiting) && !retreat.startsAt().isAfter(due.plusWeeks(1))) {
                why = registered
                        ? "You have a place at this retreat on " + when + "."
                        : "You are on the waiting list for this retreat on " + when + ".";
            } else {
                return Optional.empty();
            }
            return Optional.of(new Candidate(
                    Category.UPCOMING_RETREATS,
                    "retreat:" + retreat.id(),
                    retreat.title(),
                    why,
                    "/retreats/" + retreat.id(),
                    retreat.startsAt().atZone(DigestWeek.LONDON).toInstant(),
                    "retreat:" + retreat.id(),
                    null,
                    null));
        }

        /** (2) What neighbouring boroughs did in the working groups (their adoption moves: {@link #adoptionMoves}). */
        Optional<Candidate> neighbours(ActivityView item, Happening h) {
            String org = h.organisationId() != null ? h.organisationId() : item.organisationId();
            if (org == null || !neighbours.contains(org)) {
                return Optional.empty();
            }
            String who = context.organisationName(org) + ", a neighbouring borough,";
            String groupName = quoted(groupName(item.groupId()));
            String why = switch (h.kind()) {
                case PROPOSAL_DECIDED ->
                    "TAKEN_FORWARD".equals(h.outcome())
                            ? context.organisationName(item.organisationId())
                                    + ", a neighbouring borough, is taking this proposal forward: " + groupName
                                    + " decided to go ahead with it."
                            : null;
                case PROPOSAL_OPENED -> who + " opened this proposal for challenge in " + groupName + ".";
                case PROPOSAL_ENDORSED -> who + " endorsed this proposal in " + groupName + ".";
                case EVIDENCE_SUBMITTED ->
                    who + " submitted this evidence in " + groupName + " (level " + h.level()
                            + " of 5 on Nesta's standards).";
                default -> null;
            };
            return Optional.ofNullable(why).map(w -> candidate(Category.NEIGHBOURS, item, w, h));
        }

        /**
         * (2) Adoption moves among neighbours (touching tiles) and statistical peers (same inner/outer grouping),
         * recorded in the week: one entry per practice, for its newest such move (docs/adr/0019).
         */
        List<Candidate> adoptionMoves() {
            List<Candidate> candidates = new ArrayList<>();
            for (PracticeSpread practice : context.practices()) {
                PracticeSpread.Move newest = null;
                for (PracticeSpread.Move move : practice.moves()) {
                    boolean near = neighbours.contains(move.organisationId()) || peers.contains(move.organisationId());
                    if (near
                            && move.recordedAt() != null
                            && context.week().covers(move.recordedAt())
                            && !reader.id().equals(move.recordedBy())
                            && (newest == null || move.recordedAt().isAfter(newest.recordedAt()))) {
                        newest = move;
                    }
                }
                if (newest == null) {
                    continue;
                }
                String who = context.organisationName(newest.organisationId())
                        + (neighbours.contains(newest.organisationId())
                                ? ", a neighbouring borough,"
                                : ", one of " + councilName() + "'s statistical peers,");
                String stage = STAGE_WORDS.getOrDefault(newest.stage(), newest.stage());
                String why = who + " " + stage + " on " + DAY.format(newest.happenedOn()) + ".";
                candidates.add(new Candidate(
                        Category.NEIGHBOURS,
                        "practice:" + practice.id(),
                        practice.name() == null ? "A practice" : practice.name(),
                        why,
                        "/practices/" + practice.id(),
                        newest.recordedAt(),
                        null,
                        Kind.ADOPTION_MOVED,
                        newest.organisationId()));
            }
            return candidates;
        }

        /** What a move to each stage says in a digest. */
        private static final Map<String, String> STAGE_WORDS = Map.of(
                "AWARE", "became aware of this practice",
                "EXPLORING", "started exploring this practice",
                "PILOTING", "started piloting this practice",
                "ADOPTED", "adopted this practice",
                "EMBEDDED", "embedded this practice",
                "ADAPTED", "adapted this practice into a variant of its own",
                "DECLINED", "declined this practice",
                "ABANDONED", "abandoned this practice");

        /** What a council's stage with a practice says: "which Hackney is piloting". */
        private static final Map<String, String> TRYING_WORDS = Map.of(
                "AWARE", "is aware of",
                "EXPLORING", "is exploring",
                "PILOTING", "is piloting",
                "ADOPTED", "has adopted",
                "EMBEDDED", "has embedded",
                "ADAPTED", "has adapted");

        private static final java.time.format.DateTimeFormatter DAY =
                java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK);

        /** The council's stage with a practice, or null when it has none or has declined or abandoned it. */
        private String trying(PracticeSpread practice) {
            String stage = null;
            java.time.LocalDate latest = null;
            for (PracticeSpread.Move move : practice.moves()) {
                if (council != null
                        && council.equals(move.organisationId())
                        && (latest == null || !move.happenedOn().isBefore(latest))) {
                    latest = move.happenedOn();
                    stage = move.stage();
                }
            }
            return "DECLINED".equals(stage) || "ABANDONED".equals(stage) ? null : stage;
        }

        /**
         * (3) Evidence that rose on Nesta's scale, behind a practice the reader's council is trying (any stage short
         * of declined or abandoned), or a proposal it drafted or endorsed.
         */
        Optional<Candidate> upgrade(ActivityView item, Happening h) {
            if (h.kind() != Kind.EVIDENCE_REVISED || h.level() == null) {
                return Optional.empty();
            }
            Integer before = previousLevel(item, h);
            if (before == null || h.level() <= before) {
                return Optional.empty();
            }
            Optional<PracticeSpread> practice =
                    context.practicesByEvidence().getOrDefault(item.id(), List.of()).stream()
                            .filter(p -> trying(p) != null)
                            .findFirst();
            if (practice.isPresent()) {
                return Optional.of(candidate(
                        Category.EVIDENCE_UPGRADES,
                        item,
                        "This evidence went up from level " + before + " to level " + h.level()
                                + " on Nesta's standards. It is linked to the practice "
                                + quoted(
                                        practice.get().name() == null
                                                ? "a practice"
                                                : practice.get().name())
                                + ", which " + councilName() + " "
                                + TRYING_WORDS.get(trying(practice.get())) + ".",
                        h));
            }
            Optional<ActivityView> involved = context.proposalsByEvidence().getOrDefault(item.id(), List.of()).stream()
                    .filter(p -> !p.hidden())
                    .filter(p -> council.equals(p.organisationId())
                            || p.endorsingOrganisations().contains(council))
                    .findFirst();
            if (involved.isEmpty() && !council.equals(item.organisationId())) {
                return Optional.empty();
            }
            String behind = involved.map(p -> " It supports " + quoted(p.title()) + ", which " + councilName()
                            + (council.equals(p.organisationId()) ? " proposed." : " endorsed."))
                    .orElse(" " + councilName() + " submitted it.");
            return Optional.of(candidate(
                    Category.EVIDENCE_UPGRADES,
                    item,
                    "This evidence went up from level " + before + " to level " + h.level() + " on Nesta's standards."
                            + behind,
                    h));
        }

        private static Integer previousLevel(ActivityView item, Happening revised) {
            Integer level = null;
            for (Happening h : item.happenings()) {
                if (h.key().equals(revised.key())) {
                    break;
                }
                if ((h.kind() == Kind.EVIDENCE_SUBMITTED || h.kind() == Kind.EVIDENCE_REVISED) && h.level() != null) {
                    level = h.level();
                }
            }
            return level;
        }

        /** (5) What changed in the themes the reader's council takes part in. */
        Optional<Candidate> themes(ActivityView item, Happening h) {
            if (item.themeId() == null || !councilThemes.contains(item.themeId())) {
                return Optional.empty();
            }
            String theme = quoted(context.themeTitles().getOrDefault(item.themeId(), "a theme"));
            String groupName = quoted(groupName(item.groupId()));
            String from =
                    context.organisationName(h.organisationId() != null ? h.organisationId() : item.organisationId());
            String what = switch (h.kind()) {
                case GROUP_FORMED -> "A new working group in the " + theme + " theme";
                case PROPOSAL_DRAFTED -> "A new proposal from " + from + " in " + groupName;
                case PROPOSAL_DECIDED ->
                    groupName
                            + ("TAKEN_FORWARD".equals(h.outcome())
                                    ? " decided to take this proposal forward"
                                    : " decided not to take this proposal forward");
                case EVIDENCE_SUBMITTED ->
                    "New evidence from " + from + " in " + groupName + " (level " + h.level() + " of 5)";
                case QUESTION_POSTED -> "A new question from " + from + " in " + groupName;
                default -> null;
            };
            if (what == null) {
                return Optional.empty();
            }
            return Optional.of(candidate(
                    Category.THEMES, item, what + "; " + councilName() + " takes part in the " + theme + " theme.", h));
        }

        /** For members other than chief executives: what happened in their groups and to what they follow. */
        Optional<Candidate> yourGroups(ActivityView item, Happening h) {
            return yourGroups(item, h, true);
        }

        /**
         * For chief executives, after their council's categories: what happened to what they posted and to what they
         * follow, but not everything in the groups they are in (their council's digest stands for that). Without it
         * a chief executive who chose to hear of her own question weekly would never hear of its answer.
         */
        Optional<Candidate> yoursOrFollowed(ActivityView item, Happening h) {
            return yourGroups(item, h, false);
        }

        private Optional<Candidate> yourGroups(ActivityView item, Happening h, boolean byMembership) {
            GroupPage group = group(item.groupId());
            boolean followsItem = follows != null
                    && follows.itemIds().contains(item.id())
                    && !"OFF".equals(reader.frequency("ITEM", item.id()));
            boolean followsGroup = follows != null
                    && follows.groupIds().contains(item.groupId())
                    && !"OFF".equals(reader.frequency("GROUP", item.groupId()));
            boolean mutedGroup = follows != null
                    && follows.groupIds().contains(item.groupId())
                    && "OFF".equals(reader.frequency("GROUP", item.groupId()));
            // Authors hear about what happens to what they posted, unless they turned that item off.
            boolean authored =
                    reader.id().equals(item.authorId()) && !"OFF".equals(reader.frequency("ITEM", item.id()));
            if (!followsItem && !authored && (mutedGroup || !(followsGroup || byMembership && isMember(group)))) {
                return Optional.empty();
            }
            String from =
                    context.organisationName(h.organisationId() != null ? h.organisationId() : item.organisationId());
            String what = switch (h.kind()) {
                case QUESTION_POSTED -> "A member from " + from + " asked this question";
                case QUESTION_ANSWERED -> "A member from " + from + " answered this question";
                case EVIDENCE_SUBMITTED ->
                    "A member from " + from + " submitted this evidence (level " + h.level() + " of 5)";
                case EVIDENCE_REVISED -> "This evidence was revised (now level " + h.level() + " of 5)";
                case PROPOSAL_DRAFTED -> "A member from " + from + " drafted this proposal";
                case PROPOSAL_OPENED -> "This proposal was opened for challenge";
                case PROPOSAL_ENDORSED_BY_GROUP -> "The group endorsed this proposal";
                case PROPOSAL_DECIDED ->
                    "TAKEN_FORWARD".equals(h.outcome())
                            ? "This proposal is being taken forward"
                            : "This proposal will not be taken forward";
                case PROPOSAL_WITHDRAWN -> "This proposal was withdrawn";
                case COMMENT_POSTED -> "A member from " + from + " commented";
                case GROUP_FORMED -> "This working group was formed";
                case PROPOSAL_ENDORSED, EVIDENCE_ENDORSED -> authored ? "A member from " + from + " endorsed it" : null;
                case PROPOSAL_CHALLENGED, EVIDENCE_CHALLENGED ->
                    authored ? "A member from " + from + " challenged it" : null;
                case ANSWER_ACCEPTED -> authored ? "An answer to your question was accepted" : null;
                default -> null;
            };
            if (what == null) {
                return Optional.empty();
            }
            String because = authored
                    ? "you posted it."
                    : followsItem
                            ? "you follow it."
                            : followsGroup && !isMember(group)
                                    ? "you follow " + quoted(groupName(item.groupId())) + "."
                                    : "you are in " + quoted(groupName(item.groupId())) + ".";
            return Optional.of(candidate(Category.YOUR_GROUPS, item, what + "; " + because, h));
        }

        /** The other London boroughs of the same ONS inner/outer grouping. */
        private static Set<String> peersOf(String council, Map<String, OrganisationCard> organisations) {
            OrganisationCard own = council == null ? null : organisations.get(council);
            Set<String> result = new HashSet<>();
            if (own == null || own.londonZone() == null) {
                return result;
            }
            for (OrganisationCard other : organisations.values()) {
                if (!other.id().equals(council) && own.londonZone().equals(other.londonZone())) {
                    result.add(other.id());
                }
            }
            return result;
        }

        /** Boroughs on the tiles around this one (across, up, down and diagonally) on the tile map. */
        private static Set<String> neighboursOf(String council, Map<String, OrganisationCard> organisations) {
            OrganisationCard own = council == null ? null : organisations.get(council);
            Set<String> result = new HashSet<>();
            if (own == null || own.gridRow() == null || own.gridColumn() == null) {
                return result;
            }
            for (OrganisationCard other : organisations.values()) {
                if (other.gridRow() == null
                        || other.gridColumn() == null
                        || other.id().equals(council)) {
                    continue;
                }
                if (Math.abs(other.gridRow() - own.gridRow()) <= 1
                        && Math.abs(other.gridColumn() - own.gridColumn()) <= 1) {
                    result.add(other.id());
                }
            }
            return result;
        }
    }
}
