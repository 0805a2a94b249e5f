package org.collaborative.app.seed;

import static org.collaborative.app.seed.DemoWorkspace.stableId;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.collaborative.app.comment.PostComment;
import org.collaborative.app.evidence.ChallengeEvidence;
import org.collaborative.app.evidence.EndorseEvidence;
import org.collaborative.app.evidence.ReviseEvidence;
import org.collaborative.app.evidence.SubmitEvidence;
import org.collaborative.app.group.AppointFacilitator;
import org.collaborative.app.group.ApproveJoinRequest;
import org.collaborative.app.group.FormWorkingGroup;
import org.collaborative.app.group.InviteToGroup;
import org.collaborative.app.group.JoinWorkingGroup;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.proposal.ChallengeProposal;
import org.collaborative.app.proposal.DecideProposal;
import org.collaborative.app.proposal.DraftProposal;
import org.collaborative.app.proposal.EndorseProposal;
import org.collaborative.app.proposal.EndorseProposalForGroup;
import org.collaborative.app.proposal.LinkEvidence;
import org.collaborative.app.proposal.OpenProposalForChallenge;
import org.collaborative.app.proposal.WithdrawProposal;
import org.collaborative.app.question.AcceptAnswer;
import org.collaborative.app.question.AnswerQuestion;
import org.collaborative.app.question.CloseQuestion;
import org.collaborative.app.question.PostQuestion;
import org.collaborative.app.seed.DemoWorkspace.Group;
import org.collaborative.app.seed.DemoWorkspace.Person;
import org.collaborative.events.evidence.EvidenceKind;
import org.collaborative.events.group.GroupVisibility;
import org.collaborative.events.proposal.ProposalForm;
import org.collaborative.events.proposal.ProposalOutcome;

/**
 * What the demo workspace's members have said and decided over the last eight weeks, drawn from the speech in which
 * the idea began: the IT hardware e-auction that saved ten councils about £400,000 each, the London Jobs Portal, and
 * items at every stage of their lives. Every item is created by an ordinary command, at its own time.
 */
final class DemoContent {

    private final List<Object> commands = new ArrayList<>();
    private final Instant start;

    private DemoContent(Instant now) {
        // Midnight in London eight weeks ago, so that the demo's hours read as office hours.
        this.start = now.atZone(org.collaborative.app.kernel.London.ZONE)
                .toLocalDate()
                .minusDays(56)
                .atStartOfDay(org.collaborative.app.kernel.London.ZONE)
                .toInstant();
    }

    /** The demo's groups' memberships and items, oldest first; {@code now} is when the seed runs. */
    static List<Object> commands(Instant now, List<Person> people, List<Group> groups) {
        return new DemoContent(now).build(people, groups);
    }

    private Instant day(int day, int hour) {
        return start.plus(Duration.ofDays(day)).plus(Duration.ofHours(hour));
    }

    private static Actor actor(Person person) {
        return new Actor(person.memberId(), person.organisationId(), person.role());
    }

    private static String id(String name) {
        return stableId("demo-item:" + name);
    }

    private List<Object> build(List<Person> people, List<Group> groups) {
        Person amara = DemoWorkspace.FACILITATOR;
        Person tom = DemoWorkspace.SERVICE_LEADER;
        Person priya = DemoWorkspace.CHIEF_EXECUTIVE;
        Person mary = DemoWorkspace.COUNCILLOR;
        List<Person> others = people.subList(DemoWorkspace.PEOPLE.size(), people.size());
        Person sutton = others.stream()
                .filter(p -> p.organisationId().equals("E09000029"))
                .findFirst()
                .orElseThrow();
        Person croydon = others.stream()
                .filter(p -> p.organisationId().equals("E09000008"))
                .findFirst()
                .orElseThrow();
        Person islington = others.stream()
                .filter(p -> p.organisationId().equals("E09000019"))
                .findFirst()
                .orElseThrow();

        Group buying = groups.stream()
                .filter(g -> g.name().equals(DemoWorkspace.BUYING_GROUP))
                .findFirst()
                .orElseThrow();
        Group jobs = groups.get(1);
        Group telecare = groups.stream()
                .filter(g -> g.themeId().equals("older-people-living-independently"))
                .findFirst()
                .orElseThrow();
        Group recycling = groups.get(0);

        // Members join groups over the first week: every other demo member joins two groups.
        for (int i = 0; i < others.size(); i++) {
            Person person = others.get(i);
            for (Group group : List.of(groups.get(i % groups.size()), buying)) {
                if (!group.visibility().name().equals("INVITATION_ONLY")) {
                    commands.add(new JoinWorkingGroup(
                            group.groupId(), person.memberId(), person.organisationId(), person.role(), day(i % 7, 9)));
                }
                if (group.visibility().name().equals("COUNCIL_ONLY")) {
                    // A council-only group: joining asked; the facilitator approved within the hour.
                    commands.add(new ApproveJoinRequest(
                            group.groupId(), person.memberId(), DemoWorkspace.FACILITATOR.memberId(), day(i % 7, 10)));
                }
            }
        }
        for (Person person : List.of(sutton, islington)) {
            commands.add(new JoinWorkingGroup(
                    telecare.groupId(), person.memberId(), person.organisationId(), person.role(), day(1, 12)));
        }
        for (Person person : List.of(tom, priya, mary)) {
            commands.add(new JoinWorkingGroup(
                    buying.groupId(), person.memberId(), person.organisationId(), person.role(), day(1, 10)));
            commands.add(new JoinWorkingGroup(
                    telecare.groupId(), person.memberId(), person.organisationId(), person.role(), day(1, 11)));
        }

        // The e-auction: the evidence, its audited follow-up, and the proposal that was taken forward.
        String auctionEvidence = id("e-auction-evaluation");
        commands.add(new SubmitEvidence(
                auctionEvidence,
                buying.groupId(),
                "IT hardware e-auction saved ten councils about £400,000 each",
                "The London Centre of Excellence, now part of Capital Ambition, redesigned how councils buy IT "
                        + "hardware. An **e-auction room** sourced equipment from suppliers around the world; each of "
                        + "the ten councils taking part saved an average of **£400,000**.",
                "Capital Ambition, London Councils: evaluation of the IT hardware e-auction",
                EvidenceKind.EVALUATION,
                2,
                actor(priya),
                day(8, 10)));
        commands.add(new EndorseEvidence(auctionEvidence, actor(tom), day(8, 15)));
        commands.add(new EndorseEvidence(auctionEvidence, actor(sutton), day(9, 9)));
        commands.add(new ChallengeEvidence(
                auctionEvidence,
                id("challenge-cashable"),
                "Were these cashable savings, or notional ones against list prices? Only cashable savings free money "
                        + "for services.",
                actor(mary),
                day(9, 14)));
        commands.add(new PostComment(
                id("comment-audit"),
                auctionEvidence,
                "Hackney's finance team can share the audited figures: the savings on our share were cashable.",
                actor(priya),
                day(10, 9)));

        String auditedSavings = id("e-auction-audited");
        commands.add(new SubmitEvidence(
                auditedSavings,
                buying.groupId(),
                "Audited e-auction savings, 2009 to 2010",
                "Finance teams in four of the ten councils compared what they paid with their previous three years' "
                        + "contracts for the same kit.",
                "Borough finance returns to Capital Ambition, 2010",
                EvidenceKind.DATA,
                2,
                actor(sutton),
                day(12, 11)));
        commands.add(new ReviseEvidence(
                auditedSavings,
                "Audited e-auction savings, 2009 to 2010",
                "Finance teams in four of the ten councils compared what they paid with their previous three years' "
                        + "contracts for the same kit, and with six councils that bought outside the auction.",
                "Borough finance returns to Capital Ambition, 2010",
                EvidenceKind.DATA,
                3,
                actor(sutton),
                day(15, 16)));
        commands.add(new EndorseEvidence(auditedSavings, actor(priya), day(16, 9)));

        String auction = id("pan-london-e-auction");
        commands.add(new DraftProposal(
                auction,
                buying.groupId(),
                "A pan-London e-auction for IT hardware",
                "Run the e-auction room for **every** London council that wants to join, not just the first ten, with "
                        + "London Councils holding the framework.\n\n- one specification for laptops and desktops\n"
                        + "- quarterly auctions\n- savings reported as cashable or notional",
                ProposalForm.PROCESS_IMPROVEMENT,
                actor(tom),
                day(13, 10)));
        commands.add(new LinkEvidence(auction, auctionEvidence, actor(tom), day(13, 11)));
        commands.add(new OpenProposalForChallenge(auction, actor(tom), day(14, 9)));
        commands.add(new EndorseProposal(auction, actor(priya), day(14, 12)));
        commands.add(new EndorseProposal(auction, actor(sutton), day(15, 10)));
        commands.add(new ChallengeProposal(
                auction,
                id("challenge-contract"),
                "Who holds the contract if a supplier fails to deliver to one council?",
                actor(mary),
                day(16, 14)));
        commands.add(new PostComment(
                id("comment-contract"),
                auction,
                "London Councils would hold the framework; each council calls off its own orders, so the risk stays "
                        + "with the buyer.",
                actor(amara),
                day(17, 10)));
        commands.add(new LinkEvidence(auction, auditedSavings, actor(sutton), day(17, 15)));
        commands.add(new EndorseProposalForGroup(auction, actor(amara), day(21, 10)));
        commands.add(new DecideProposal(
                auction,
                ProposalOutcome.TAKEN_FORWARD,
                "The audited savings are cashable and the framework answers the contract risk. London Councils will "
                        + "run quarterly auctions from April.",
                actor(amara),
                day(28, 16)));

        String furniture = id("e-auction-furniture");
        commands.add(new DraftProposal(
                furniture,
                buying.groupId(),
                "Extend the e-auction to office furniture and vehicles",
                "The same auction room could buy furniture and fleet vehicles.",
                ProposalForm.PROCESS_IMPROVEMENT,
                actor(croydon),
                day(35, 10)));
        commands.add(new OpenProposalForChallenge(furniture, actor(croydon), day(35, 11)));
        commands.add(new EndorseProposal(furniture, actor(tom), day(36, 9)));

        String furnitureQuestion = id("question-furniture");
        commands.add(new PostQuestion(
                furnitureQuestion,
                buying.groupId(),
                "Has anyone run an e-auction for office furniture?",
                "We are looking at moving three offices into one next year.",
                croydon.memberId(),
                croydon.organisationId(),
                day(33, 9)));
        commands.add(new AnswerQuestion(
                furnitureQuestion,
                id("answer-furniture-1"),
                "Not furniture, but Sutton bought fleet vehicles through a reverse auction in 2011. Happy to share "
                        + "the specification.",
                actor(sutton),
                day(33, 15)));
        commands.add(new AnswerQuestion(
                furnitureQuestion,
                id("answer-furniture-2"),
                "The Capital Ambition team ran a market test for furniture: suppliers were keen.",
                actor(amara),
                day(34, 10)));
        commands.add(new AcceptAnswer(furnitureQuestion, id("answer-furniture-2"), actor(croydon), day(34, 16)));

        // The London Jobs Portal: endorsed by the group, waiting for a decision.
        String portal = id("jobs-portal");
        commands.add(new DraftProposal(
                portal,
                jobs.groupId(),
                "Put 90% of council jobs on the London Jobs Portal",
                "Advertise London local authority and GLA jobs on one portal, saving advertising spend and reaching "
                        + "the next generation of public servants.",
                ProposalForm.NEW_PARTNERSHIP,
                actor(tom),
                day(20, 10)));
        commands.add(new OpenProposalForChallenge(portal, actor(tom), day(20, 12)));
        commands.add(new EndorseProposal(portal, actor(priya), day(22, 9)));
        commands.add(new EndorseProposal(portal, actor(mary), day(22, 11)));
        commands.add(new EndorseProposalForGroup(portal, actor(amara), day(40, 10)));
        String portalEvidence = id("jobs-portal-case-study");
        commands.add(new SubmitEvidence(
                portalEvidence,
                jobs.groupId(),
                "Jobs portal cut Camden's advertising spend",
                "Camden moved its vacancies to the portal and stopped most print advertising.",
                "https://www.londoncouncils.gov.uk/",
                EvidenceKind.CASE_STUDY,
                1,
                actor(tom),
                day(24, 10)));
        commands.add(new LinkEvidence(portal, portalEvidence, actor(tom), day(24, 11)));

        String tenantsQuestion = id("question-tenants");
        commands.add(new PostQuestion(
                tenantsQuestion,
                jobs.groupId(),
                "Which employers have taken on long-term unemployed tenants?",
                "",
                priya.memberId(),
                priya.organisationId(),
                day(30, 9)));
        commands.add(new AnswerQuestion(
                tenantsQuestion,
                id("answer-tenants"),
                "Our housing association partners ran a guaranteed-interview scheme with two supermarkets.",
                actor(mary),
                day(31, 10)));
        commands.add(new CloseQuestion(tenantsQuestion, actor(priya), day(45, 10)));

        // Telecare: a draft, and a decision not to go ahead.
        commands.add(new DraftProposal(
                id("telecare-call-centre"),
                telecare.groupId(),
                "A shared telecare call centre for south London",
                "Four boroughs answer telecare alarms from one centre, night and day.",
                ProposalForm.NEW_PARTNERSHIP,
                actor(sutton),
                day(50, 10)));
        String reablement = id("reablement-social-enterprise");
        commands.add(new DraftProposal(
                reablement,
                telecare.groupId(),
                "Spin reablement out as a social enterprise",
                "Staff-owned, commissioned by three councils.",
                ProposalForm.SOCIAL_ENTERPRISE,
                actor(islington),
                day(18, 10)));
        commands.add(new OpenProposalForChallenge(reablement, actor(islington), day(18, 12)));
        commands.add(new ChallengeProposal(
                reablement,
                id("challenge-reablement"),
                "The pension liabilities would fall on the new enterprise.",
                actor(priya),
                day(19, 9)));
        commands.add(new EndorseProposalForGroup(reablement, actor(amara), day(26, 10)));
        commands.add(new DecideProposal(
                reablement,
                ProposalOutcome.NOT_TAKEN_FORWARD,
                "The pension risk is too large for now; revisit when the pension fund review reports.",
                actor(amara),
                day(32, 15)));

        // Recycling: a withdrawn proposal.
        String rewards = id("recycling-rewards");
        commands.add(new JoinWorkingGroup(
                recycling.groupId(), islington.memberId(), islington.organisationId(), islington.role(), day(2, 9)));
        commands.add(new DraftProposal(
                rewards,
                recycling.groupId(),
                "A recycling reward card",
                "Residents earn points for recycling, spent in local shops.",
                ProposalForm.SOCIAL_ENTERPRISE,
                actor(islington),
                day(10, 10)));
        commands.add(new OpenProposalForChallenge(rewards, actor(islington), day(10, 12)));
        commands.add(new WithdrawProposal(
                rewards, "Superseded by the national deposit return scheme.", actor(islington), day(25, 10)));

        // An invitation-only group for the chief executives' retreat, with a second facilitator; Tom is invited but
        // has not answered, and asks to join the council-only gangs group, which waits for a facilitator.
        String retreat = id("group:chief-executives-retreat");
        commands.add(new FormWorkingGroup(
                retreat,
                "behaviour-change",
                "Chief executives' retreat",
                "Planning the 24-hour retreat on how innovation spreads between boroughs.",
                GroupVisibility.INVITATION_ONLY,
                amara.memberId(),
                amara.organisationId(),
                day(40, 9)));
        commands.add(new InviteToGroup(
                retreat, priya.memberId(), priya.organisationId(), priya.role(), amara.memberId(), day(40, 10)));
        commands.add(
                new JoinWorkingGroup(retreat, priya.memberId(), priya.organisationId(), priya.role(), day(40, 14)));
        commands.add(
                new AppointFacilitator(retreat, priya.memberId(), priya.organisationId(), actor(amara), day(41, 9)));
        commands.add(new InviteToGroup(
                retreat, tom.memberId(), tom.organisationId(), tom.role(), priya.memberId(), day(50, 11)));
        Group gangs = groups.stream()
                .filter(g -> g.themeId().equals("guns-and-gangs"))
                .findFirst()
                .orElseThrow();
        commands.add(
                new JoinWorkingGroup(gangs.groupId(), tom.memberId(), tom.organisationId(), tom.role(), day(52, 16)));
        return commands;
    }
}
