package org.collaborative.app.web.item;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.follow.FollowViews;
import org.collaborative.app.group.GroupPages;
import org.collaborative.app.infrastructure.web.Commands;
import org.collaborative.app.infrastructure.web.Forms;
import org.collaborative.app.infrastructure.web.NotFoundException;
import org.collaborative.app.infrastructure.web.ReadYourWrite;
import org.collaborative.app.infrastructure.web.Refusal;
import org.collaborative.app.item.ItemType;
import org.collaborative.app.item.ItemViews;
import org.collaborative.app.item.Markdown;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.member.People;
import org.collaborative.app.moderation.HiddenItems;
import org.collaborative.app.moderation.Moderators;
import org.collaborative.app.theme.ThemeViews;
import org.collaborative.events.follow.FollowTarget;
import org.collaborative.events.member.MemberRole;
import org.collaborative.views.group.GroupPage;
import org.collaborative.views.item.ItemView;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

/**
 * What the controllers of an item's page share: the item as this person may see it, the page's model, and how a
 * form on the page ends. Each form posts to its own controller ({@code AnswerController}, {@code CommentController},
 * ...), which sends one command through {@link #outcome}: done, a redirect back to the page, which waits briefly
 * for the view to show the change ({@link Done}); refused, the page again with a GOV.UK error summary linking to the
 * form's field.
 */
@Component
class ItemPage {

    static final Duration READ_YOUR_WRITE_WAIT = Duration.ofSeconds(3);

    /**
     * What a person has just done on the page ({@code ?done=...&ref=...}), and how the page knows the view shows it.
     * Other values of {@code done} (from the forms that create an item, or a report) are shown at once.
     */
    enum Done {
        ENDORSED {
            @Override
            boolean shown(ItemView item, String ref, String memberId) {
                return item.endorsedBy(memberId);
            }
        },
        CHALLENGED {
            @Override
            boolean shown(ItemView item, String ref, String memberId) {
                return item.challenges().stream().anyMatch(c -> c.challengeId().equals(ref));
            }
        },
        COMMENTED {
            @Override
            boolean shown(ItemView item, String ref, String memberId) {
                return item.comments().stream().anyMatch(c -> c.commentId().equals(ref));
            }
        },
        ANSWERED {
            @Override
            boolean shown(ItemView item, String ref, String memberId) {
                return item.answers().stream().anyMatch(a -> a.answerId().equals(ref));
            }
        },
        ACCEPTED {
            @Override
            boolean shown(ItemView item, String ref, String memberId) {
                return ref != null && ref.equals(item.acceptedAnswerId());
            }
        },
        LINKED {
            @Override
            boolean shown(ItemView item, String ref, String memberId) {
                return item.links().stream().anyMatch(l -> l.evidenceId().equals(ref));
            }
        },
        REVISED {
            @Override
            boolean shown(ItemView item, String ref, String memberId) {
                return item.versions().size() > 1;
            }
        },
        HIDDEN {
            @Override
            boolean shown(ItemView item, String ref, String memberId) {
                return HiddenItems.hidden(item, ref) != null;
            }
        },
        RESTORED {
            @Override
            boolean shown(ItemView item, String ref, String memberId) {
                return HiddenItems.hidden(item, ref) == null;
            }
        },
        /** A move to another stage; {@code ref} is the stage, or the outcome of a decision. */
        STATUS {
            @Override
            boolean shown(ItemView item, String ref, String memberId) {
                return ref != null
                        && (ref.equals(item.status())
                                || ("DECIDED".equals(ref) && item.status().endsWith("TAKEN_FORWARD")));
            }
        };

        /** Whether the item shows it, given the {@code ref} of the page's address and who did it. */
        abstract boolean shown(ItemView item, String ref, String memberId);

        String param() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Optional<Done> parse(String value) {
            for (Done done : values()) {
                if (done.param().equals(value)) {
                    return Optional.of(done);
                }
            }
            return Optional.empty();
        }
    }

    private final ItemViews items;
    private final GroupPages groups;
    private final ThemeViews themes;
    private final People people;
    private final Clock clock;
    private final Markdown markdown;
    private final FollowViews follows;

    ItemPage(
            ItemViews items,
            GroupPages groups,
            ThemeViews themes,
            People people,
            Clock clock,
            Markdown markdown,
            FollowViews follows) {
        this.items = items;
        this.groups = groups;
        this.themes = themes;
        this.people = people;
        this.clock = clock;
        this.markdown = markdown;
        this.follows = follows;
    }

    /** The item, or none if there is no such item. */
    Optional<ItemView> find(String itemId) {
        return items.find(itemId);
    }

    /** Whether the item is hidden from this person (it is then shown only to its group's moderators). */
    boolean hiddenFrom(ItemView item, WorkspaceUser user) {
        return HiddenItems.hiddenFrom(item, groups.visibleGroup(item.groupId(), user), user);
    }

    /** The item a form is about, if this person may see it; else "not found". */
    ItemView visibleItem(String itemId, WorkspaceUser user) {
        ItemView item = items.find(itemId).orElseThrow(() -> new NotFoundException("item"));
        if (hiddenFrom(item, user)) {
            throw new NotFoundException("item");
        }
        return item;
    }

    /** Waits (briefly) until the view shows what the person just did. */
    Optional<ItemView> awaitShown(String itemId, String done, String ref, WorkspaceUser user) {
        return ReadYourWrite.awaitUntil(
                () -> items.find(itemId), item -> shows(item, done, ref, user), READ_YOUR_WRITE_WAIT);
    }

    /**
     * Whether the item, as read, shows what the person just did ({@code ?done=}): if not, the page says the change is
     * saved and is on its way instead of claiming it beside the state before it.
     */
    boolean shows(ItemView item, String done, String ref, WorkspaceUser user) {
        return Done.parse(done).map(d -> d.shown(item, ref, user.memberId())).orElse(true);
    }

    /**
     * How a form on the page ends, given how its command went ({@link Commands}). Done: a redirect to the page with {@code ?done=} and
     * {@code &ref=} (when there is one), where it waits to show the change. Refused: the page again with the error
     * summary, linking to the field the refusal names ({@code fields}) or else to {@code anchor}.
     */
    String outcome(
            Optional<Refusal> refused,
            ItemView item,
            WorkspaceUser user,
            Model model,
            String anchor,
            Map<String, String> fields,
            Done done,
            String ref) {
        if (refused.isPresent()) {
            String field = refused.get().field();
            model.addAttribute(
                    "errorSummary", refused.get().summary(field == null ? anchor : fields.getOrDefault(field, anchor)));
            return render(model, item, user, null);
        }
        return "redirect:/items/" + item.id() + "?done=" + done.param() + (ref == null ? "" : "&ref=" + ref);
    }

    /**
     * How a form of the page that was validated ends: its errors (Bean Validation, and the refusal of its command if
     * it was sent) all shown at once ({@link Forms#showErrors}), on the fields whose ids on the page start with
     * {@code idPrefix}; else a redirect to the page, as for {@link #outcome(Optional, ItemView, WorkspaceUser, Model,
     * String, Map, Done, String)}.
     */
    String outcome(
            BindingResult errors,
            Object form,
            ItemView item,
            WorkspaceUser user,
            Model model,
            String firstField,
            String idPrefix,
            Done done,
            String ref) {
        if (errors.hasErrors()) {
            Forms.showErrors(model, errors, form, firstField, idPrefix);
            return render(model, item, user, null);
        }
        return "redirect:/items/" + item.id() + "?done=" + done.param() + (ref == null ? "" : "&ref=" + ref);
    }

    /** As {@link #outcome(Optional, ItemView, WorkspaceUser, Model, String, Map, Done, String)}, for a one-field form. */
    String outcome(
            Optional<Refusal> refused,
            ItemView item,
            WorkspaceUser user,
            Model model,
            String anchor,
            Done done,
            String ref) {
        return outcome(refused, item, user, model, anchor, Map.of(), done, ref);
    }

    private static void addIfAbsent(Model model, String name, Object form) {
        if (!model.containsAttribute(name)) {
            model.addAttribute(name, form);
        }
    }

    Instant now() {
        return clock.instant();
    }

    static Actor actor(WorkspaceUser user) {
        return new Actor(user.memberId(), user.organisationId(), user.role());
    }

    /** The item's page as it stands now, or as it stood at {@code asOf} (then without its forms). */
    String render(Model model, ItemView shown, WorkspaceUser user, Instant asOf) {
        GroupPage group = groups.visibleGroup(shown.groupId(), user);
        ItemView item = HiddenItems.shownTo(shown, group, user);
        model.addAttribute("moderates", Moderators.moderates(group, user));
        Set<String> memberIds = new HashSet<>();
        Set<String> organisationIds = new HashSet<>();
        memberIds.add(item.authorId());
        organisationIds.add(item.organisationId());
        item.history().forEach(h -> {
            memberIds.add(h.memberId());
            if (h.organisationId() != null) {
                organisationIds.add(h.organisationId());
            }
        });
        item.answers().forEach(a -> organisationIds.add(a.organisationId()));
        item.comments().forEach(c -> organisationIds.add(c.organisationId()));
        item.endorsements().forEach(e -> organisationIds.add(e.organisationId()));
        item.challenges().forEach(c -> organisationIds.add(c.organisationId()));
        model.addAttribute("item", item);
        // Thymeleaf evaluates th:utext in restricted mode (no bean calls), so the safe HTML is made here.
        Map<String, String> html = new HashMap<>();
        html.put(item.id(), markdown.html(item.body()));
        item.answers().forEach(a -> html.put(a.answerId(), markdown.html(a.body())));
        item.comments().forEach(c -> html.put(c.commentId(), markdown.html(c.body())));
        model.addAttribute("html", html);
        model.addAttribute("group", group);
        model.addAttribute("theme", themes.find(item.themeId()).orElse(null));
        model.addAttribute("names", people.names(memberIds, organisationIds));
        boolean member = group.hasMember(user.memberId());
        boolean facilitator =
                group.facilitatorIds().contains(user.memberId()) || user.role() == MemberRole.ADMINISTRATOR;
        model.addAttribute("isMember", member);
        model.addAttribute("following", follows.follows(user.memberId(), FollowTarget.ITEM, item.id()));
        model.addAttribute("isFacilitator", facilitator);
        model.addAttribute("isAuthor", user.memberId().equals(item.authorId()));
        model.addAttribute("actions", asOf == null);
        if (ItemType.fromKey(item.type()) == ItemType.PROPOSAL) {
            model.addAttribute("profile", items.profile(item, asOf == null ? clock.instant() : asOf));
            List<ItemView> linked = items.findAll(
                    item.links().stream().map(ItemView.Link::evidenceId).toList());
            model.addAttribute("linkedEvidence", linked);
            if (asOf == null) {
                Set<String> already = new HashSet<>(
                        item.links().stream().map(ItemView.Link::evidenceId).toList());
                model.addAttribute(
                        "linkable",
                        items.onTheme(item.themeId(), ItemType.EVIDENCE, 200).stream()
                                .filter(evidence -> !already.contains(evidence.id()))
                                .toList());
            }
        }
        // Each form of the page, blank with a freshly minted id, unless it is the one sent back with its errors.
        addIfAbsent(model, "challengeForm", ItemForms.ChallengeForm.blank());
        addIfAbsent(model, "commentForm", ItemForms.CommentForm.blank());
        addIfAbsent(model, "answerForm", ItemForms.AnswerForm.blank());
        if (ItemType.fromKey(item.type()) == ItemType.EVIDENCE) {
            addIfAbsent(model, "revisionForm", ItemForms.RevisionForm.of(item));
        }
        if (ItemType.fromKey(item.type()) == ItemType.PROPOSAL) {
            addIfAbsent(model, "decisionForm", ItemForms.DecisionForm.blank());
            addIfAbsent(model, "withdrawalForm", ItemForms.WithdrawalForm.blank());
            addIfAbsent(model, "linkForm", ItemForms.LinkForm.blank());
        }
        Forms.noErrors(model);
        return "item/item";
    }
}
