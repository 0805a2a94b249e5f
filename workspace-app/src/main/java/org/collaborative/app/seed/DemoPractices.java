package org.collaborative.app.seed;

import static org.collaborative.app.seed.DemoWorkspace.stableId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.kernel.London;
import org.collaborative.app.member.Accounts;
import org.collaborative.app.member.RegisterMember;
import org.collaborative.app.personaldata.PersonalDetails;
import org.collaborative.app.practice.DesignateFinanceOfficer;
import org.collaborative.app.practice.LinkEvidenceToPractice;
import org.collaborative.app.practice.OfferHelp;
import org.collaborative.app.practice.RecordAdoptionMove;
import org.collaborative.app.practice.RecordPractice;
import org.collaborative.app.practice.ReportOutcome;
import org.collaborative.app.practice.VerifyOutcome;
import org.collaborative.app.seed.DemoWorkspace.Person;
import org.collaborative.events.member.MemberRole;
import org.collaborative.events.practice.AdoptionSetback;
import org.collaborative.events.practice.AdoptionStage;
import org.collaborative.events.practice.HelpKind;
import org.collaborative.events.practice.OutcomeKind;
import org.collaborative.events.practice.SavingRecurrence;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The demo's practices and their spread over the two years before the seed (ADR 18): the IT hardware e-auction that
 * ten councils joined, each saving about £400,000 (cashable, verified by its director of finance), the London Jobs
 * Portal (with variants and a non-cashable saving), telecare-led reablement, whose adoption by 26 boroughs draws an
 * S-curve, retrofitting council homes (two abandoned on cost) and an early-years practice most councils declined.
 * Every move is dated relative to the seed's day, so none is in the future; the facilitator records them, as the
 * programme team backfilling the ledger would.
 */
@Component
class DemoPractices {
    private static final Actor AMARA = actor(DemoWorkspace.FACILITATOR);
    private static final Actor SAM = actor(DemoWorkspace.ADMINISTRATOR);
    /** Two years of history: the first practice was first tried this many days before the seed. */
    private static final int SPAN = 730;

    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final String password;

    DemoPractices(
            Accounts accounts,
            PasswordEncoder passwords,
            @Value("${collaborative.seed.demo-password:collaborate-in-london}") String password) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.password = password;
    }

    static String practiceId(String name) {
        return stableId("demo-practice:" + name);
    }

    /** The proposal the e-auction practice comes from (DemoContent's, decided "taken forward"). */
    static final String AUCTION_PROPOSAL = stableId("demo-item:pan-london-e-auction");

    static final String AUCTION = RecordPractice.idFromProposal(AUCTION_PROPOSAL);
    static final String JOBS_PORTAL = practiceId("london-jobs-portal");
    static final String REABLEMENT = practiceId("telecare-reablement");
    static final String RETROFIT = practiceId("retrofit");
    static final String EARLY_YEARS = practiceId("early-years");

    /** The ten councils of the e-auction (Camden, the demo's own council, has not joined: it can record exploring). */
    static final List<String> AUCTION_COUNCILS = List.of(
            "E09000012", // Hackney
            "E09000029", // Sutton
            "E09000022", // Lambeth
            "E09000033", // Westminster
            "E09000019", // Islington
            "E09000028", // Southwark
            "E09000032", // Wandsworth
            "E09000005", // Brent
            "E09000009", // Ealing
            "E09000025"); // Newham

    List<Object> commands(Instant at, List<String[]> boroughs) {
        LocalDate today = LocalDate.ofInstant(at, London.ZONE);
        LocalDate start = today.minusDays(SPAN);
        List<Object> commands = new ArrayList<>();
        List<String> codes = boroughs.stream().map(b -> b[0]).toList();

        // The e-auction: from the proposal, ten councils adopted it in its first year, each saving about £400,000.
        commands.add(new RecordPractice(
                AUCTION,
                "IT hardware e-auction",
                "Councils buy laptops and desktops together through a reverse e-auction run by London Councils: one"
                        + " specification, quarterly auctions, each council calling off its own orders.",
                "climate-change-and-carbon-reduction",
                "E09000007",
                AUCTION_PROPOSAL,
                start,
                AMARA,
                at));
        commands.add(new LinkEvidenceToPractice(AUCTION, stableId("demo-item:e-auction-evaluation"), AMARA, at));
        commands.add(new LinkEvidenceToPractice(AUCTION, stableId("demo-item:e-auction-audited"), AMARA, at));
        for (int i = 0; i < AUCTION_COUNCILS.size(); i++) {
            String council = AUCTION_COUNCILS.get(i);
            LocalDate adopted = start.plusDays(90 + i * 24L);
            path(commands, AUCTION, council, adopted, i % 3 == 0, at);
            Person finance = financeDirector(council, boroughs);
            commands.addAll(register(finance, at));
            commands.add(new DesignateFinanceOfficer(finance.memberId(), council, SAM, at));
            String outcome = stableId("demo-outcome:auction:" + council);
            commands.add(new ReportOutcome(
                    adoptionId(AUCTION, council),
                    outcome,
                    OutcomeKind.CASHABLE_SAVING,
                    38_000_000L + i * 500_000L,
                    SavingRecurrence.ONE_OFF,
                    adopted,
                    adopted.plusYears(1).minusDays(1),
                    null,
                    null,
                    null,
                    null,
                    "Borough finance return to London Councils",
                    3,
                    AMARA,
                    at));
            commands.add(new VerifyOutcome(adoptionId(AUCTION, council), outcome, today, actor(finance), at));
        }
        move(commands, AUCTION, "E09000020", AdoptionStage.EXPLORING, start.plusDays(200), null, null, null, at);
        move(
                commands,
                AUCTION,
                "E09000020",
                AdoptionStage.DECLINED,
                start.plusDays(260),
                null,
                AdoptionSetback.POOR_FIT,
                null,
                at);
        move(
                commands,
                AUCTION,
                "E09000001",
                AdoptionStage.DECLINED,
                start.plusDays(300),
                null,
                AdoptionSetback.OTHER,
                "Our hardware contract with the City's shared service runs until 2028.",
                at);
        move(commands, AUCTION, "E09000017", AdoptionStage.EXPLORING, today.minusDays(40), null, null, null, at);
        commands.add(new OfferHelp(
                AUCTION, EnumSet.of(HelpKind.ADVICE, HelpKind.VISIT), actor(DemoWorkspace.CHIEF_EXECUTIVE), at));

        // The London Jobs Portal: fifteen councils, three with their own variant, and what it changed.
        commands.add(new RecordPractice(
                JOBS_PORTAL,
                "London Jobs Portal",
                "Councils advertise their vacancies on one shared portal, with a first look for their own long-term"
                        + " unemployed social tenants.",
                "worklessness-and-social-housing",
                "E09000007",
                null,
                start.plusDays(20),
                AMARA,
                at));
        commands.add(new LinkEvidenceToPractice(JOBS_PORTAL, stableId("demo-item:jobs-portal-case-study"), AMARA, at));
        List<String> portal = rotated(codes, 3, 15);
        portal.remove("E09000007");
        path(commands, JOBS_PORTAL, "E09000007", start.plusDays(100), true, at);
        for (int i = 0; i < portal.size(); i++) {
            LocalDate adopted = sCurve(start.plusDays(160), SPAN - 200, i, portal.size());
            String council = portal.get(i);
            if (i % 5 == 2) {
                pathTo(commands, JOBS_PORTAL, council, adopted.minusDays(60), at);
                move(
                        commands,
                        JOBS_PORTAL,
                        council,
                        AdoptionStage.ADAPTED,
                        adopted,
                        i % 2 == 0
                                ? "Apprenticeships only, advertised with the local college."
                                : "Shared with the borough's housing associations' vacancies too.",
                        null,
                        null,
                        at);
            } else {
                path(commands, JOBS_PORTAL, council, adopted, false, at);
            }
        }
        String portalSaving = stableId("demo-outcome:portal:camden");
        commands.add(new ReportOutcome(
                adoptionId(JOBS_PORTAL, "E09000007"),
                portalSaving,
                OutcomeKind.NON_CASHABLE_SAVING,
                12_000_000L,
                SavingRecurrence.RECURRING,
                start.plusDays(100),
                start.plusDays(100).plusYears(1).minusDays(1),
                null,
                null,
                null,
                null,
                "Recruitment team time, valued at staff cost",
                2,
                AMARA,
                at));
        commands.add(new ReportOutcome(
                adoptionId(JOBS_PORTAL, "E09000007"),
                stableId("demo-outcome:portal:camden:jobs"),
                OutcomeKind.QUALITY_MEASURE,
                null,
                null,
                null,
                null,
                "Social tenants in council jobs",
                "41",
                "118",
                "people a year",
                "Camden HR records",
                2,
                AMARA,
                at));
        commands.add(new OfferHelp(
                JOBS_PORTAL,
                EnumSet.of(HelpKind.ADVICE, HelpKind.SECONDMENT),
                actor(DemoWorkspace.SERVICE_LEADER),
                at));

        // Telecare-led reablement: 26 boroughs over two years, an S-curve; a few still exploring or piloting.
        commands.add(new RecordPractice(
                REABLEMENT,
                "Telecare-led reablement",
                "Six weeks of reablement with telecare installed on day one, so older people leaving hospital stay"
                        + " at home.",
                "older-people-living-independently",
                "E09000029",
                null,
                start,
                AMARA,
                at));
        List<String> reablement = rotated(codes, 7, 30);
        for (int i = 0; i < reablement.size(); i++) {
            String council = reablement.get(i);
            if (i < 26) {
                path(commands, REABLEMENT, council, sCurve(start.plusDays(90), SPAN - 120, i, 26), i % 4 == 1, at);
            } else {
                move(
                        commands,
                        REABLEMENT,
                        council,
                        i % 2 == 0 ? AdoptionStage.EXPLORING : AdoptionStage.PILOTING,
                        today.minusDays(20 + i),
                        null,
                        null,
                        null,
                        at);
            }
            if (i % 6 == 0 && i < 26) {
                commands.add(new ReportOutcome(
                        adoptionId(REABLEMENT, council),
                        stableId("demo-outcome:reablement:" + council),
                        OutcomeKind.QUALITY_MEASURE,
                        null,
                        null,
                        null,
                        null,
                        "People still at home 91 days after leaving hospital",
                        "78",
                        "86",
                        "%",
                        "Adult social care outcomes framework return",
                        2,
                        AMARA,
                        at));
            }
        }

        // Retrofitting council homes: piloted widely, two abandoned on cost, one moved back for capacity.
        commands.add(new RecordPractice(
                RETROFIT,
                "Street-by-street retrofit of council homes",
                "Insulate and fit heat pumps a whole street at a time, with one procurement across boroughs.",
                "climate-change-and-carbon-reduction",
                "E09000022",
                null,
                start.plusDays(90),
                AMARA,
                at));
        List<String> retrofit = rotated(codes, 11, 12);
        for (int i = 0; i < retrofit.size(); i++) {
            String council = retrofit.get(i);
            LocalDate piloting = start.plusDays(150 + i * 30L);
            move(commands, RETROFIT, council, AdoptionStage.EXPLORING, piloting.minusDays(50), null, null, null, at);
            move(commands, RETROFIT, council, AdoptionStage.PILOTING, piloting, null, null, null, at);
            if (i == 2 || i == 7) {
                move(
                        commands,
                        RETROFIT,
                        council,
                        AdoptionStage.ABANDONED,
                        piloting.plusDays(120),
                        null,
                        AdoptionSetback.COST,
                        null,
                        at);
            } else if (i == 4) {
                move(
                        commands,
                        RETROFIT,
                        council,
                        AdoptionStage.EXPLORING,
                        piloting.plusDays(90),
                        null,
                        AdoptionSetback.CAPACITY,
                        null,
                        at);
            } else if (i % 2 == 0) {
                move(commands, RETROFIT, council, AdoptionStage.ADOPTED, piloting.plusDays(150), null, null, null, at);
            }
        }

        // Early years: most councils that looked at it declined, with their reasons.
        commands.add(new RecordPractice(
                EARLY_YEARS,
                "Talk, read, play home visits",
                "Trained volunteers visit families with children under three to model talking, reading and play.",
                "child-poverty-and-aspiration",
                "E09000025",
                null,
                start.plusDays(200),
                AMARA,
                at));
        List<String> early = rotated(codes, 17, 8);
        AdoptionSetback[] reasons = {
            AdoptionSetback.CAPACITY,
            AdoptionSetback.DATA_SHARING,
            AdoptionSetback.POLITICAL_PRIORITY,
            AdoptionSetback.COST
        };
        for (int i = 0; i < early.size(); i++) {
            String council = early.get(i);
            LocalDate looked = start.plusDays(260 + i * 40L);
            move(commands, EARLY_YEARS, council, AdoptionStage.EXPLORING, looked, null, null, null, at);
            if (i < 5) {
                move(
                        commands,
                        EARLY_YEARS,
                        council,
                        AdoptionStage.DECLINED,
                        looked.plusDays(45),
                        null,
                        reasons[i % reasons.length],
                        null,
                        at);
            } else {
                move(commands, EARLY_YEARS, council, AdoptionStage.PILOTING, looked.plusDays(60), null, null, null, at);
            }
        }
        return commands;
    }

    /** The usual path to adopted (and embedded, when {@code embeds}) by the day it was adopted. */
    private static void path(
            List<Object> commands, String practice, String council, LocalDate adopted, boolean embeds, Instant at) {
        pathTo(commands, practice, council, adopted, at);
        move(commands, practice, council, AdoptionStage.ADOPTED, adopted, null, null, null, at);
        LocalDate embedded = adopted.plusDays(240);
        if (embeds && !embedded.isAfter(LocalDate.ofInstant(at, London.ZONE))) {
            move(commands, practice, council, AdoptionStage.EMBEDDED, embedded, null, null, null, at);
        }
    }

    /** Aware, exploring and piloting in the months before {@code adopted}. */
    private static void pathTo(List<Object> commands, String practice, String council, LocalDate adopted, Instant at) {
        move(commands, practice, council, AdoptionStage.AWARE, adopted.minusDays(75), null, null, null, at);
        move(commands, practice, council, AdoptionStage.EXPLORING, adopted.minusDays(55), null, null, null, at);
        move(commands, practice, council, AdoptionStage.PILOTING, adopted.minusDays(30), null, null, null, at);
    }

    private static void move(
            List<Object> commands,
            String practice,
            String council,
            AdoptionStage stage,
            LocalDate on,
            String variant,
            AdoptionSetback setback,
            String detail,
            Instant at) {
        commands.add(new RecordAdoptionMove(practice, council, stage, on, variant, setback, detail, AMARA, at));
    }

    /**
     * The day the {@code i}-th of {@code n} adopters adopted: the logistic curve's quantiles over {@code days} from
     * {@code from}, so cumulative adoption draws an S.
     */
    static LocalDate sCurve(LocalDate from, int days, int i, int n) {
        double p = (i + 0.5) / n;
        double position = 0.5 + Math.log(p / (1 - p)) / 9;
        return from.plusDays(Math.round(Math.max(0, Math.min(1, position)) * days));
    }

    /** {@code count} boroughs starting at the {@code offset}-th, in the reference list's order, wrapping round. */
    private static List<String> rotated(List<String> codes, int offset, int count) {
        List<String> picked = new ArrayList<>();
        for (int i = 0; i < count && i < codes.size(); i++) {
            picked.add(codes.get((offset + i * 5) % codes.size()));
        }
        return picked.stream().distinct().collect(java.util.stream.Collectors.toCollection(ArrayList::new));
    }

    private static String adoptionId(String practice, String council) {
        return org.collaborative.app.practice.RecordAdoptionMove.adoptionIdFor(practice, council);
    }

    private static Person financeDirector(String council, List<String[]> boroughs) {
        String name = boroughs.stream()
                .filter(b -> b[0].equals(council))
                .map(b -> b[1])
                .findFirst()
                .orElse(council);
        String domain = name.toLowerCase(Locale.UK).replaceAll("[^a-z]+", "") + ".example";
        return new Person(
                "director.finance@" + domain,
                "Director of finance, " + name,
                "Director of finance",
                council,
                MemberRole.SERVICE_LEADER);
    }

    private List<Object> register(Person person, Instant at) {
        accounts.addIfAbsent(new Accounts.Account(
                person.memberId(),
                person.email(),
                person.name(),
                person.jobTitle(),
                person.organisationId(),
                person.role(),
                passwords.encode(password)));
        return List.of(new RegisterMember(
                person.memberId(),
                person.organisationId(),
                person.role(),
                new PersonalDetails(person.name(), person.email(), person.jobTitle()),
                at));
    }

    private static Actor actor(Person person) {
        return new Actor(person.memberId(), person.organisationId(), person.role());
    }
}
