package org.collaborative.app.seed;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.collaborative.app.group.FormWorkingGroup;
import org.collaborative.app.group.JoinWorkingGroup;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.member.Accounts;
import org.collaborative.app.member.RegisterMember;
import org.collaborative.app.organisation.SetOrganisationEmailDomains;
import org.collaborative.app.personaldata.PersonalDetails;
import org.collaborative.events.group.GroupVisibility;
import org.collaborative.events.member.MemberRole;
import org.collaborative.events.organisation.RegistrationApproval;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * A small workspace to try the product with: one demo account per role (listed in README.md) and a working group on
 * every theme. Only on the embedded default; switched off by {@code collaborative.seed.demo-workspace=false}.
 */
@Component
class DemoWorkspace {

    record Person(String email, String name, String jobTitle, String organisationId, MemberRole role) {
        String memberId() {
            return stableId("demo-member:" + email);
        }
    }

    record Group(String themeId, String name, String purpose, GroupVisibility visibility) {
        String groupId() {
            return stableId("demo-group:" + themeId + ":" + name);
        }
    }

    static final Person FACILITATOR = new Person(
            "amara.okafor@londoncouncils.example",
            "Amara Okafor",
            "Programme lead, capital ambition",
            ReferenceData.LONDON_COUNCILS,
            MemberRole.FACILITATOR);
    static final Person SERVICE_LEADER = new Person(
            "tom.hughes@camden.example",
            "Tom Hughes",
            "Head of employment and skills",
            "E09000007",
            MemberRole.SERVICE_LEADER);
    static final Person CHIEF_EXECUTIVE = new Person(
            "priya.shah@hackney.example", "Priya Shah", "Chief executive", "E09000012", MemberRole.CHIEF_EXECUTIVE);
    static final Person COUNCILLOR = new Person(
            "mary.doyle@lewisham.example",
            "Cllr Mary Doyle",
            "Cabinet member for housing",
            "E09000023",
            MemberRole.COUNCILLOR);
    static final Person PARTNER = new Person(
            "ben.carter@gla.example", "Ben Carter", "Partnerships manager", ReferenceData.GLA, MemberRole.PARTNER);
    static final Person ADMINISTRATOR = new Person(
            "sam.lee@londoncouncils.example",
            "Sam Lee",
            "Workspace administrator",
            ReferenceData.LONDON_COUNCILS,
            MemberRole.ADMINISTRATOR);

    static final List<Person> PEOPLE =
            List.of(FACILITATOR, SERVICE_LEADER, CHIEF_EXECUTIVE, COUNCILLOR, PARTNER, ADMINISTRATOR);

    static final String BUYING_GROUP = "Buying better together";

    static final List<Group> GROUPS = List.of(
            new Group(
                    "behaviour-change",
                    "Nudging recycling",
                    "What gets residents to recycle more, and keep doing it.",
                    GroupVisibility.OPEN),
            new Group(
                    "worklessness-and-social-housing",
                    "Tenants into work",
                    "Helping long-term unemployed social tenants into sustained jobs, building on the London Jobs "
                            + "Portal.",
                    GroupVisibility.OPEN),
            new Group(
                    "climate-change-and-carbon-reduction",
                    "Retrofitting council homes",
                    "Sharing what works in insulating and heating council homes at scale.",
                    GroupVisibility.OPEN),
            new Group(
                    "understanding-population-flows",
                    "Counting churn",
                    "Better estimates of who moves in and out, for school places and housing.",
                    GroupVisibility.COUNCIL_ONLY),
            new Group(
                    "child-poverty-and-aspiration",
                    "Early years aspiration",
                    "What raises aspiration before children start school.",
                    GroupVisibility.OPEN),
            new Group(
                    "affordable-homes-and-tenure",
                    "Key worker homes",
                    "Intermediate tenures for the people London's services rely on.",
                    GroupVisibility.OPEN),
            new Group(
                    "guns-and-gangs",
                    "Routes out of gangs",
                    "Exit programmes and what the evidence says about them.",
                    GroupVisibility.COUNCIL_ONLY),
            new Group(
                    "older-people-living-independently",
                    "Staying at home with telecare",
                    "Telecare, reablement and keeping people well at home.",
                    GroupVisibility.OPEN),
            new Group(
                    "climate-change-and-carbon-reduction",
                    BUYING_GROUP,
                    "Buying together to cut cost and carbon: e-auctions, shared frameworks, greener specifications.",
                    GroupVisibility.OPEN));

    private static final List<String> FIRST_NAMES = List.of(
            "Aisha",
            "Ben",
            "Chloe",
            "Daniel",
            "Efua",
            "Farhan",
            "Grace",
            "Harjit",
            "Imogen",
            "Jamal",
            "Katarzyna",
            "Liam",
            "Maryam",
            "Niall",
            "Olu",
            "Poppy",
            "Rahul",
            "Siobhan",
            "Tariq",
            "Ursula",
            "Vikram",
            "Wendy",
            "Yusuf",
            "Zara",
            "Adebayo",
            "Bethan",
            "Callum");
    private static final List<String> LAST_NAMES = List.of(
            "Adeyemi",
            "Brennan",
            "Chowdhury",
            "Davies",
            "Evans",
            "Fernandes",
            "Gallagher",
            "Hussain",
            "Ibrahim",
            "Jones",
            "Kowalski",
            "Lewis",
            "Mensah",
            "Nolan",
            "O'Connor",
            "Patel",
            "Quinn",
            "Rahman",
            "Singh",
            "Taylor",
            "Uddin",
            "Varga",
            "Williams",
            "Xu",
            "Young",
            "Zielinski",
            "Ahmed",
            "Brown",
            "Clarke",
            "Dias",
            "Edwards",
            "Fox",
            "Green");

    /**
     * The demo's other members, about sixty in all: a chief executive for every borough but Hackney (whose is Priya
     * Shah), and a service leader or councillor in twenty-two of them.
     */
    static List<Person> otherMembers(List<String[]> boroughs) {
        List<Person> people = new ArrayList<>();
        int n = 0;
        for (String[] borough : boroughs) {
            String code = borough[0];
            String domain = borough[1].toLowerCase(java.util.Locale.UK).replaceAll("[^a-z]+", "") + ".example";
            if (!code.equals(CHIEF_EXECUTIVE.organisationId())) {
                people.add(person(n++, domain, "Chief executive", code, MemberRole.CHIEF_EXECUTIVE));
            }
            if (people.size() < 55 && !code.equals(SERVICE_LEADER.organisationId())) {
                boolean councillor = n % 4 == 0;
                people.add(person(
                        n++,
                        domain,
                        councillor ? "Cabinet member" : "Head of service",
                        code,
                        councillor ? MemberRole.COUNCILLOR : MemberRole.SERVICE_LEADER));
            }
        }
        return people;
    }

    private static Person person(int n, String domain, String jobTitle, String organisationId, MemberRole role) {
        String first = FIRST_NAMES.get(n % FIRST_NAMES.size());
        String last = LAST_NAMES.get(n % LAST_NAMES.size());
        String email = (first + "." + last).toLowerCase(java.util.Locale.UK).replaceAll("[^a-z.]", "") + "@" + domain;
        String title = role == MemberRole.COUNCILLOR ? "Cllr " : "";
        return new Person(email, title + first + " " + last, jobTitle, organisationId, role);
    }

    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final String password;

    DemoWorkspace(
            Accounts accounts,
            PasswordEncoder passwords,
            @Value("${collaborative.seed.demo-password:collaborate-in-london}") String password) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.password = password;
    }

    /**
     * Adds the demo accounts and returns the commands that give them their places, groups, memberships and what they
     * have posted over the last eight weeks.
     */
    List<Object> commands(Instant at, List<String[]> boroughs) {
        String hash = passwords.encode(password);
        List<Object> commands = new ArrayList<>();
        List<Person> everyone = new ArrayList<>(PEOPLE);
        everyone.addAll(otherMembers(boroughs));
        Instant formed = at.minus(java.time.Duration.ofDays(60));
        for (Person person : everyone) {
            accounts.addIfAbsent(new Accounts.Account(
                    person.memberId(),
                    person.email(),
                    person.name(),
                    person.jobTitle(),
                    person.organisationId(),
                    person.role(),
                    hash));
            commands.add(new RegisterMember(
                    person.memberId(),
                    person.organisationId(),
                    person.role(),
                    new PersonalDetails(person.name(), person.email(), person.jobTitle()),
                    formed));
        }
        commands.addAll(emailDomains(formed, boroughs));
        for (Group group : GROUPS) {
            commands.add(new FormWorkingGroup(
                    group.groupId(),
                    group.themeId(),
                    group.name(),
                    group.purpose(),
                    group.visibility(),
                    FACILITATOR.memberId(),
                    FACILITATOR.organisationId(),
                    formed));
        }
        for (Person person : List.of(SERVICE_LEADER, CHIEF_EXECUTIVE, COUNCILLOR)) {
            for (Group group : GROUPS.subList(0, 3)) {
                commands.add(new JoinWorkingGroup(
                        group.groupId(), person.memberId(), person.organisationId(), person.role(), formed));
            }
        }
        commands.addAll(DemoContent.commands(at, everyone, GROUPS));
        commands.addAll(DemoRetreats.commands(at, everyone));
        commands.addAll(DemoOutputs.commands(at, everyone));
        return commands;
    }

    /** The borough whose people are members as soon as they register themselves; the others' wait for approval. */
    static final String APPROVED_AT_ONCE = "E09000023";

    /**
     * The email domains the demo's people use ({@code camden.example}, {@code gla.example}, ...), so that anyone
     * trying the demo can register themselves (docs/adr/0025): approved by an administrator of the organisation, but
     * at once for Lewisham.
     */
    static List<SetOrganisationEmailDomains> emailDomains(Instant at, List<String[]> boroughs) {
        Actor administrator = new Actor(ADMINISTRATOR.memberId(), ADMINISTRATOR.organisationId(), ADMINISTRATOR.role());
        List<SetOrganisationEmailDomains> commands = new ArrayList<>();
        for (String[] borough : boroughs) {
            String domain = borough[1].toLowerCase(java.util.Locale.UK).replaceAll("[^a-z]+", "") + ".example";
            commands.add(new SetOrganisationEmailDomains(
                    borough[0],
                    List.of(domain),
                    borough[0].equals(APPROVED_AT_ONCE)
                            ? RegistrationApproval.AT_ONCE
                            : RegistrationApproval.BY_ORGANISATION_ADMINISTRATOR,
                    administrator,
                    at));
        }
        commands.add(new SetOrganisationEmailDomains(
                ReferenceData.GLA,
                List.of("gla.example"),
                RegistrationApproval.BY_ORGANISATION_ADMINISTRATOR,
                administrator,
                at));
        commands.add(new SetOrganisationEmailDomains(
                ReferenceData.LONDON_COUNCILS,
                List.of("londoncouncils.example"),
                RegistrationApproval.BY_ORGANISATION_ADMINISTRATOR,
                administrator,
                at));
        return commands;
    }

    static String stableId(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
