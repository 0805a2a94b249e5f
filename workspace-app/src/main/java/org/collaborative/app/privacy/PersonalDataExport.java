package org.collaborative.app.privacy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.collaborative.app.item.ItemViews;
import org.collaborative.app.member.Accounts;
import org.collaborative.app.member.Roles;
import org.collaborative.app.organisation.OrganisationViews;
import org.collaborative.app.personaldata.PersonalDataVault;
import org.collaborative.events.member.MemberProfileChanged;
import org.collaborative.events.member.MemberRegistered;
import org.collaborative.events.member.MemberRoleChanged;
import org.collaborative.views.item.ItemView;
import org.collaborative.views.organisation.OrganisationCard;
import org.springframework.stereotype.Component;

/**
 * "Download my data": everything the workspace holds about a member, as one JSON document. Their current details
 * come from their account; the history of their details from their own events (opened through the vault); their
 * contributions (questions, answers, evidence, proposals, comments, endorsements, challenges) from the {@code items}
 * view, hidden ones included.
 */
@Component
public class PersonalDataExport {

    private final Accounts accounts;
    private final OrganisationViews organisations;
    private final ItemViews items;
    private final EventStore events;
    private final PersonalDataVault vault;
    private final Clock clock;

    PersonalDataExport(
            Accounts accounts,
            OrganisationViews organisations,
            ItemViews items,
            EventStore events,
            PersonalDataVault vault,
            Clock clock) {
        this.accounts = accounts;
        this.organisations = organisations;
        this.items = items;
        this.events = events;
        this.vault = vault;
        this.clock = clock;
    }

    /** The member's data, in the order a person reads it; empty when they have no account (erased). */
    public java.util.Optional<Map<String, Object>> of(String memberId) {
        return accounts.find(memberId).map(account -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put(
                    "about",
                    "Everything Collaborative holds about you, as of the time below. See /privacy for how "
                            + "it is used and how to have it erased.");
            data.put("generatedAt", clock.instant().toString());
            data.put("profile", profile(account));
            data.put("profileHistory", history(memberId));
            List<ItemView> tookPart = items.contributionsOf(memberId);
            data.put("questions", authored(tookPart, "question", memberId));
            data.put("answers", answers(tookPart, memberId));
            data.put("evidence", authored(tookPart, "evidence", memberId));
            data.put("proposals", authored(tookPart, "proposal", memberId));
            data.put("comments", comments(tookPart, memberId));
            data.put("endorsements", endorsements(tookPart, memberId));
            data.put("challenges", challenges(tookPart, memberId));
            return data;
        });
    }

    private Map<String, Object> profile(Accounts.Account account) {
        OrganisationCard organisation =
                organisations.byId(Set.of(account.organisationId())).get(account.organisationId());
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("memberId", account.memberId());
        profile.put("displayName", account.displayName());
        profile.put("email", account.email());
        profile.put("jobTitle", account.jobTitle());
        profile.put("organisationId", account.organisationId());
        profile.put("organisation", organisation == null ? null : organisation.name());
        profile.put("role", Roles.label(account.role()));
        return profile;
    }

    /** What the member's own events record, personal details opened with their key. */
    private List<Map<String, Object>> history(String memberId) {
        List<Map<String, Object>> history = new ArrayList<>();
        events.readEvents(memberId).asStream().forEach(message -> {
            Object payload = message.getPayload();
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("at", message.getTimestamp().toString());
            if (payload instanceof MemberRegistered registered) {
                entry.put("event", "registered");
                entry.put("role", Roles.label(registered.role()));
                vault.open(memberId, registered.personalData()).ifPresent(details -> {
                    entry.put("displayName", details.displayName());
                    entry.put("email", details.email());
                    entry.put("jobTitle", details.jobTitle());
                });
            } else if (payload instanceof MemberProfileChanged changed) {
                entry.put("event", "changed profile");
                vault.open(memberId, changed.personalData()).ifPresent(details -> {
                    entry.put("displayName", details.displayName());
                    entry.put("jobTitle", details.jobTitle());
                });
            } else if (payload instanceof MemberRoleChanged role) {
                entry.put("event", "role changed");
                entry.put("role", Roles.label(role.role()));
            } else {
                return;
            }
            history.add(entry);
        });
        return history;
    }

    private static List<Map<String, Object>> authored(List<ItemView> tookPart, String type, String memberId) {
        return tookPart.stream()
                .filter(item -> type.equals(item.type()) && memberId.equals(item.authorId()))
                .map(item -> {
                    Map<String, Object> entry = itemRef(item);
                    entry.put("body", item.body());
                    entry.put("status", item.status());
                    if (item.current() != null) {
                        entry.put("source", item.current().source());
                        entry.put("kind", item.current().kind());
                        entry.put("level", item.current().level());
                    }
                    entry.put("createdAt", item.createdAt().toString());
                    return entry;
                })
                .toList();
    }

    private static List<Map<String, Object>> answers(List<ItemView> tookPart, String memberId) {
        List<Map<String, Object>> answers = new ArrayList<>();
        for (ItemView item : tookPart) {
            item.answers().stream()
                    .filter(answer -> memberId.equals(answer.by()))
                    .forEach(answer -> {
                        Map<String, Object> entry = onItem(item);
                        entry.put("answerId", answer.answerId());
                        entry.put("body", answer.body());
                        entry.put("at", answer.at().toString());
                        answers.add(entry);
                    });
        }
        return answers;
    }

    private static List<Map<String, Object>> comments(List<ItemView> tookPart, String memberId) {
        List<Map<String, Object>> comments = new ArrayList<>();
        for (ItemView item : tookPart) {
            item.comments().stream()
                    .filter(comment -> memberId.equals(comment.by()))
                    .forEach(comment -> {
                        Map<String, Object> entry = onItem(item);
                        entry.put("commentId", comment.commentId());
                        entry.put("body", comment.body());
                        entry.put("at", comment.at().toString());
                        comments.add(entry);
                    });
        }
        return comments;
    }

    private static List<Map<String, Object>> endorsements(List<ItemView> tookPart, String memberId) {
        List<Map<String, Object>> endorsements = new ArrayList<>();
        for (ItemView item : tookPart) {
            item.endorsements().stream()
                    .filter(e -> memberId.equals(e.memberId()))
                    .forEach(e -> {
                        Map<String, Object> entry = onItem(item);
                        entry.put("at", e.at().toString());
                        endorsements.add(entry);
                    });
        }
        return endorsements;
    }

    private static List<Map<String, Object>> challenges(List<ItemView> tookPart, String memberId) {
        List<Map<String, Object>> challenges = new ArrayList<>();
        for (ItemView item : tookPart) {
            item.challenges().stream()
                    .filter(c -> memberId.equals(c.memberId()))
                    .forEach(c -> {
                        Map<String, Object> entry = onItem(item);
                        entry.put("challengeId", c.challengeId());
                        entry.put("reason", c.reason());
                        entry.put("at", c.at().toString());
                        challenges.add(entry);
                    });
        }
        return challenges;
    }

    private static Map<String, Object> itemRef(ItemView item) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", item.id());
        entry.put("groupId", item.groupId());
        entry.put("themeId", item.themeId());
        entry.put("title", item.title());
        return entry;
    }

    private static Map<String, Object> onItem(ItemView item) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("itemId", item.id());
        entry.put("itemType", item.type());
        entry.put("itemTitle", item.title());
        return entry;
    }
}
