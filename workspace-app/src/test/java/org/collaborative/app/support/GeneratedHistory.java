package org.collaborative.app.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.collaborative.app.item.ItemType;
import org.collaborative.app.notification.NotificationPreferences;
import org.collaborative.app.personaldata.PersonalDataVault;
import org.collaborative.app.personaldata.PersonalDetails;
import org.collaborative.events.comment.CommentPosted;
import org.collaborative.events.group.GroupVisibility;
import org.collaborative.events.group.MemberJoinedGroup;
import org.collaborative.events.group.WorkingGroupFormed;
import org.collaborative.events.member.MemberRegistered;
import org.collaborative.events.member.MemberRole;
import org.collaborative.events.notification.NotificationsRead;
import org.collaborative.events.question.AnswerAccepted;
import org.collaborative.events.question.QuestionAnswered;
import org.collaborative.events.question.QuestionPosted;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A realistic history written straight into a running workspace's event store (issues 16 and 17): five years of
 * London-wide activity on the organisations and themes already there. People register (their details sealed with
 * their own key by the {@link PersonalDataVault}, as {@code RegisterMember} seals them), facilitators form working groups
 * on every theme, people join groups, ask questions, answer them, accept answers, comment on questions and read their
 * notifications, in that proportion.
 *
 * <p>Every event is one the aggregate would have applied: an aggregate exists before anything refers to it, each
 * person acts only in groups they belong to, an answer is accepted once and only by the person who asked, and each
 * aggregate's sequence numbers run from 0 without gaps. The aggregates therefore load and take new commands afterwards.
 *
 * <p>The events are appended through Axon's {@link EventStore} in batches, each batch in one transaction: the
 * subscribing "command-directory" processor keeps the command side's lookup tables (accounts, group directory and
 * membership, item directory) in that transaction, as for a command, and the tracking processors (publication to
 * Kafka, and so the projections) read them from the store like any others. Nothing goes through the command gateway,
 * so it is fast.
 *
 * <p>Deterministic from the seed: the same seed, count and end instant give the same ids, payloads and order (only the
 * sealed personal data differs, its IV and the member's key being random, as they are for real). Two different seeds
 * write disjoint histories, so a history can be grown by a second call.
 */
public final class GeneratedHistory {

    /** The history spans the five years before {@code until}. */
    public static final Duration SPAN = Duration.ofDays(5 * 365 + 1);

    private static final int BATCH = 1_000;

    private static final String[] FIRST = {
        "Amara", "Tom", "Priya", "Sam", "Olu", "Grace", "Hamza", "Chloe", "Dev", "Niamh", "Kwame", "Zara", "Ravi",
        "Ellen", "Jonah", "Ife", "Maya", "Leon", "Sofia", "Ade"
    };
    private static final String[] LAST = {
        "Okafor", "Hughes", "Shah", "Lee", "Adeyemi", "Murphy", "Khan", "Evans", "Patel", "Byrne", "Mensah", "Ali",
        "Singh", "Clarke", "Walsh", "Bello", "Green", "Novak", "Costa", "Owusu"
    };
    private static final String[] JOB = {
        "Head of Housing Needs",
        "Service Manager, Employment Support",
        "Director of Children's Services",
        "Senior Policy Officer",
        "Councillor",
        "Programme Lead, Carbon Reduction",
        "Head of Adult Social Care",
        "Community Safety Manager",
        "Data and Insight Lead",
        "Chief Executive"
    };
    private static final String[] TOPIC = {
        "keeping tenants in work after the first year",
        "a shared retrofit framework for council homes",
        "data sharing with the DWP on long-term unemployment",
        "reaching families in temporary accommodation",
        "youth outreach after school exclusions",
        "home adaptations that let older people stay at home",
        "counting population churn between censuses",
        "nudging recycling on estates",
        "a joint e-auction for IT hardware",
        "apprenticeships with local employers"
    };

    /** Shares of the events, per thousand, by kind (registrations and groups come from these too). */
    private static final int[][] MIX = {
        // kind, per mille
        {Kind.REGISTER.ordinal(), 6},
        {Kind.FORM_GROUP.ordinal(), 3},
        {Kind.JOIN.ordinal(), 38},
        {Kind.ASK.ordinal(), 140},
        {Kind.ANSWER.ordinal(), 400},
        {Kind.ACCEPT.ordinal(), 50},
        {Kind.COMMENT.ordinal(), 283},
        {Kind.READ.ordinal(), 80},
    };

    private enum Kind {
        REGISTER,
        FORM_GROUP,
        JOIN,
        ASK,
        ANSWER,
        ACCEPT,
        COMMENT,
        READ
    }

    /**
     * What a run wrote, and how fast; {@code lastQuestion} is the last question asked, in {@code itsGroup}, by
     * {@code asker} (of {@code askerOrganisation}, in {@code askerRole}): for a command after the history.
     */
    public record Written(
            int events,
            int members,
            int groups,
            int questions,
            Duration took,
            String lastQuestion,
            String itsGroup,
            String asker,
            String askerOrganisation,
            MemberRole askerRole) {

        public double eventsPerSecond() {
            return events / (took.toNanos() / 1e9);
        }

        @Override
        public String toString() {
            return String.format(
                    "%,d events (%,d members, %,d groups, %,d questions) in %.1f s, %.0f events/s",
                    events, members, groups, questions, took.toNanos() / 1e9, eventsPerSecond());
        }
    }

    private final EventStore store;
    private final TransactionManager transactions;
    private final PersonalDataVault vault;
    private final List<String> organisations;
    private final List<String> themes;

    private final long seed;
    private final Random random;
    private final Map<String, Long> sequences = new HashMap<>();
    private final List<Person> people = new ArrayList<>();
    private final List<Group> groups = new ArrayList<>();
    private int questionCount;
    private Question lastQuestion;
    private Group lastQuestionGroup;
    private long eventNumber;

    private record Person(String id, String organisationId, MemberRole role, List<Group> groups) {}

    private static final class Group {
        final String id;
        final String themeId;
        final List<Person> members = new ArrayList<>();
        final Set<String> memberIds = new LinkedHashSet<>();
        /** The group's most recent questions: where people answer and comment. */
        final List<Question> recent = new ArrayList<>();

        Group(String id, String themeId) {
            this.id = id;
            this.themeId = themeId;
        }
    }

    private static final class Question {
        final String id;
        final Person asker;
        final List<String> answers = new ArrayList<>();
        boolean accepted;

        Question(String id, Person asker) {
            this.id = id;
            this.asker = asker;
        }
    }

    private GeneratedHistory(
            EventStore store,
            TransactionManager transactions,
            PersonalDataVault vault,
            List<String> organisations,
            List<String> themes,
            long seed) {
        if (organisations.isEmpty() || themes.isEmpty()) {
            throw new IllegalStateException("A history needs organisations and themes to be there first (the seed)");
        }
        this.store = store;
        this.transactions = transactions;
        this.vault = vault;
        this.organisations = organisations;
        this.themes = themes;
        this.seed = seed;
        this.random = new Random(seed);
    }

    /** Writes {@code events} events into the running workspace, spanning the five years before {@code until}. */
    public static Written write(RunningWorkspace workspace, long seed, int events, Instant until) {
        JdbcTemplate jdbc = workspace.jdbc();
        List<String> organisations = jdbc.queryForList(
                "select aggregate_identifier from domain_event_entry where type = 'Organisation' and sequence_number = 0"
                        + " order by aggregate_identifier",
                String.class);
        List<String> themes = jdbc.queryForList(
                "select theme_id from theme_directory where not archived order by theme_id", String.class);
        return new GeneratedHistory(
                        workspace.bean(EventStore.class),
                        workspace.bean(TransactionManager.class),
                        workspace.bean(PersonalDataVault.class),
                        organisations,
                        themes,
                        seed)
                .write(events, until);
    }

    private Written write(int events, Instant until) {
        long started = System.nanoTime();
        Instant from = until.minus(SPAN);
        long spanMillis = SPAN.toMillis();
        List<DomainEventMessage<?>> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < events; i++) {
            // Business time moves forward through the five years; each event a little after the one before.
            Instant at = from.plusMillis(spanMillis * i / events);
            batch.add(next(at));
            if (batch.size() == BATCH || i == events - 1) {
                List<DomainEventMessage<?>> append = List.copyOf(batch);
                transactions.executeInTransaction(() -> store.publish(append));
                batch.clear();
            }
        }
        if (lastQuestion == null) {
            throw new IllegalStateException("Too few events for a question: " + events);
        }
        return new Written(
                events,
                people.size(),
                groups.size(),
                questionCount,
                Duration.ofNanos(System.nanoTime() - started),
                lastQuestion.id,
                lastQuestionGroup.id,
                lastQuestion.asker.id(),
                lastQuestion.asker.organisationId(),
                lastQuestion.asker.role());
    }

    private DomainEventMessage<?> next(Instant at) {
        // The first people and groups come before anything can happen in them.
        if (people.size() < 3) {
            return register(at);
        }
        if (groups.isEmpty()) {
            return formGroup(at);
        }
        Kind kind = pick();
        return switch (kind) {
            case REGISTER -> register(at);
            case FORM_GROUP -> formGroup(at);
            case JOIN -> join(at);
            case ASK -> ask(at);
            case ANSWER -> answer(at);
            case ACCEPT -> accept(at);
            case COMMENT -> comment(at);
            case READ -> read(at);
        };
    }

    private Kind pick() {
        int roll = random.nextInt(1000);
        for (int[] share : MIX) {
            roll -= share[1];
            if (roll < 0) {
                return Kind.values()[share[0]];
            }
        }
        return Kind.READ;
    }

    private DomainEventMessage<?> register(Instant at) {
        int n = people.size();
        String id = id("member", n);
        String organisation = organisations.get(random.nextInt(organisations.size()));
        String first = FIRST[random.nextInt(FIRST.length)];
        String last = LAST[random.nextInt(LAST.length)];
        String job = JOB[random.nextInt(JOB.length)];
        MemberRole role = job.equals("Chief Executive")
                ? MemberRole.CHIEF_EXECUTIVE
                : job.equals("Councillor") ? MemberRole.COUNCILLOR : MemberRole.SERVICE_LEADER;
        PersonalDetails details = new PersonalDetails(
                first + " " + last,
                (first + "." + last + "." + seed + "." + n + "@history.example").toLowerCase(java.util.Locale.ROOT),
                job);
        Person person = new Person(id, organisation, role, new ArrayList<>());
        people.add(person);
        return event("Member", id, new MemberRegistered(id, organisation, role, at, vault.seal(id, details)));
    }

    private DomainEventMessage<?> formGroup(Instant at) {
        Person facilitator = anyone();
        String id = id("group", groups.size());
        String theme = themes.get(groups.size() % themes.size());
        Group group = new Group(id, theme);
        group.members.add(facilitator);
        group.memberIds.add(facilitator.id());
        facilitator.groups().add(group);
        groups.add(group);
        String topic = TOPIC[random.nextInt(TOPIC.length)];
        return event(
                "WorkingGroup",
                id,
                new WorkingGroupFormed(
                        id,
                        theme,
                        "Working group " + groups.size() + ": " + topic,
                        "Councils working together on " + topic + ".",
                        GroupVisibility.OPEN,
                        facilitator.id(),
                        facilitator.organisationId(),
                        at));
    }

    private DomainEventMessage<?> join(Instant at) {
        for (int attempt = 0; attempt < 10; attempt++) {
            Person person = anyone();
            Group group = groups.get(random.nextInt(groups.size()));
            if (group.memberIds.add(person.id())) {
                group.members.add(person);
                person.groups().add(group);
                return event(
                        "WorkingGroup",
                        group.id,
                        new MemberJoinedGroup(group.id, person.id(), person.organisationId(), at));
            }
        }
        // Everyone tried is in every group tried: someone new arrives instead.
        return register(at);
    }

    private DomainEventMessage<?> ask(Instant at) {
        Person asker = memberOfAGroup();
        if (asker == null) {
            return join(at);
        }
        Group group = asker.groups().get(random.nextInt(asker.groups().size()));
        String id = id("question", questionCount++);
        Question question = new Question(id, asker);
        lastQuestion = question;
        lastQuestionGroup = group;
        group.recent.add(question);
        if (group.recent.size() > 20) {
            group.recent.remove(0);
        }
        String topic = TOPIC[random.nextInt(TOPIC.length)];
        return event(
                "Question",
                id,
                new QuestionPosted(
                        id,
                        group.id,
                        group.themeId,
                        "How did you approach " + topic + "? (" + questionCount + ")",
                        "We are looking at " + topic + " and would like to hear what worked, what it cost and who"
                                + " to talk to.",
                        asker.id(),
                        asker.organisationId(),
                        at));
    }

    private DomainEventMessage<?> answer(Instant at) {
        Group group = groupWithQuestions();
        if (group == null) {
            return ask(at);
        }
        Question question = group.recent.get(random.nextInt(group.recent.size()));
        Person answerer = group.members.get(random.nextInt(group.members.size()));
        String answerId = id("answer", eventNumber);
        question.answers.add(answerId);
        return event(
                "Question",
                question.id,
                new QuestionAnswered(
                        question.id,
                        answerId,
                        group.id,
                        "We tried this in " + answerer.organisationId() + ": it took a year to show results, and the"
                                + " data sharing agreement was the hard part.",
                        answerer.id(),
                        answerer.organisationId(),
                        at));
    }

    private DomainEventMessage<?> accept(Instant at) {
        Group group = groupWithQuestions();
        if (group == null) {
            return ask(at);
        }
        for (Question question : group.recent) {
            if (!question.accepted && !question.answers.isEmpty()) {
                question.accepted = true;
                String answer = question.answers.get(random.nextInt(question.answers.size()));
                return event("Question", question.id, new AnswerAccepted(question.id, answer, question.asker.id(), at));
            }
        }
        return answer(at);
    }

    private DomainEventMessage<?> comment(Instant at) {
        Group group = groupWithQuestions();
        if (group == null) {
            return ask(at);
        }
        Question question = group.recent.get(random.nextInt(group.recent.size()));
        Person author = group.members.get(random.nextInt(group.members.size()));
        String id = id("comment", eventNumber);
        return event(
                "Comment",
                id,
                new CommentPosted(
                        id,
                        question.id,
                        ItemType.QUESTION.key(),
                        group.id,
                        "Thanks, this is useful. Could you share the evaluation?",
                        author.id(),
                        author.organisationId(),
                        at));
    }

    private DomainEventMessage<?> read(Instant at) {
        Person reader = anyone();
        return event(
                "NotificationPreferences",
                NotificationPreferences.idFor(reader.id()),
                new NotificationsRead(reader.id(), at, at));
    }

    private Person anyone() {
        return people.get(random.nextInt(people.size()));
    }

    private Person memberOfAGroup() {
        for (int attempt = 0; attempt < 10; attempt++) {
            Person person = anyone();
            if (!person.groups().isEmpty()) {
                return person;
            }
        }
        return null;
    }

    private Group groupWithQuestions() {
        for (int attempt = 0; attempt < 10; attempt++) {
            Group group = groups.get(random.nextInt(groups.size()));
            if (!group.recent.isEmpty()) {
                return group;
            }
        }
        return null;
    }

    private DomainEventMessage<?> event(String aggregateType, String aggregateId, Object payload) {
        long sequence = sequences.merge(aggregateId, 1L, Long::sum) - 1;
        String eventId = id("event", eventNumber++);
        // Stored at the time it is written, like any event: the five years are in the payloads' business times.
        return new GenericDomainEventMessage<>(
                aggregateType, aggregateId, sequence, payload, MetaData.emptyInstance(), eventId, Instant.now());
    }

    private String id(String kind, long n) {
        return UUID.nameUUIDFromBytes(("history:" + seed + ":" + kind + ":" + n).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
