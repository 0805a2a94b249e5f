package org.collaborative.app.web.onboarding;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.infrastructure.web.ErrorSummary;
import org.collaborative.app.infrastructure.web.Refusal;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.member.Accounts;
import org.collaborative.app.member.Roles;
import org.collaborative.app.onboarding.BulkImport;
import org.collaborative.app.onboarding.Invitations;
import org.collaborative.app.organisation.OrganisationViews;
import org.collaborative.views.organisation.OrganisationCard;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Inviting many people from a CSV file: the upload shows a preview of every row (invite, already has an account, or
 * its problems) before anything is created; sending re-reads the same text (carried in the form) and invites the rows
 * marked "invite". Importing the same file again invites nobody twice: everyone in it then has an account.
 */
@Controller
@RequestMapping("/admin/invitations/import")
class ImportController {

    private final Invitations invitations;
    private final Accounts accounts;
    private final OrganisationViews organisations;

    ImportController(Invitations invitations, Accounts accounts, OrganisationViews organisations) {
        this.invitations = invitations;
        this.accounts = accounts;
        this.organisations = organisations;
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute("fieldErrors", Map.of());
        return "onboarding/import";
    }

    @PostMapping
    String preview(
            @AuthenticationPrincipal WorkspaceUser user,
            @RequestParam(name = "file", required = false) MultipartFile file,
            Model model)
            throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("fieldErrors", Map.of("file", "Choose a CSV file"));
            model.addAttribute("errorSummary", ErrorSummary.of("file", "Choose a CSV file"));
            return "onboarding/import";
        }
        String csv = new String(file.getBytes(), StandardCharsets.UTF_8);
        return previewPage(user, csv, model);
    }

    @PostMapping("/send")
    String send(@AuthenticationPrincipal WorkspaceUser user, @RequestParam(defaultValue = "") String csv, Model model) {
        BulkImport.Preview preview = bulkImport().preview(csv, actor(user));
        if (!preview.canImport()) {
            return previewPage(user, csv, model);
        }
        int sent = 0;
        List<ErrorSummary.Item> refused = new ArrayList<>();
        for (BulkImport.Row row : preview.rows()) {
            if (row.outcome() != BulkImport.Outcome.INVITE) {
                continue;
            }
            try {
                invitations.invite(actor(user), row.invite());
                sent++;
            } catch (RuntimeException failure) {
                Refusal refusal = Refusal.of(failure).orElseThrow(() -> failure);
                refused.add(
                        new ErrorSummary.Item("#row-" + row.line(), "Row " + row.line() + ": " + refusal.message()));
            }
        }
        if (!refused.isEmpty()) {
            model.addAttribute("errorSummary", refused);
            model.addAttribute("sentBeforeProblems", sent);
            return previewPage(user, csv, model);
        }
        return "redirect:/admin/invitations?imported=" + sent;
    }

    private String previewPage(WorkspaceUser user, String csv, Model model) {
        BulkImport.Preview preview = bulkImport().preview(csv, actor(user));
        if (!model.containsAttribute("errorSummary")) {
            List<ErrorSummary.Item> problems = new ArrayList<>();
            preview.fileErrors().forEach(error -> problems.add(new ErrorSummary.Item("#file", error)));
            preview.rows().stream()
                    .filter(row -> row.outcome() == BulkImport.Outcome.ERROR)
                    .forEach(row -> problems.add(new ErrorSummary.Item(
                            "#row-" + row.line(), "Row " + row.line() + ": " + String.join("; ", row.errors()))));
            if (!problems.isEmpty()) {
                model.addAttribute("errorSummary", problems);
            }
        }
        Map<String, String> roleNames = new LinkedHashMap<>();
        for (org.collaborative.events.member.MemberRole role : org.collaborative.events.member.MemberRole.values()) {
            roleNames.put(role.name(), Roles.label(role));
        }
        model.addAttribute("roleNames", roleNames);
        model.addAttribute("preview", preview);
        model.addAttribute("toInvite", preview.count(BulkImport.Outcome.INVITE));
        model.addAttribute("existing", preview.count(BulkImport.Outcome.ALREADY_HAS_AN_ACCOUNT));
        model.addAttribute("withErrors", preview.count(BulkImport.Outcome.ERROR));
        model.addAttribute("csv", csv);
        model.addAttribute("fieldErrors", Map.of());
        return "onboarding/import-preview";
    }

    private BulkImport bulkImport() {
        Map<String, String> names = organisations.all().stream()
                .collect(Collectors.toMap(
                        OrganisationCard::id, OrganisationCard::name, (a, b) -> a, LinkedHashMap::new));
        return new BulkImport(names, email -> accounts.findByEmail(email).isPresent());
    }

    private static Actor actor(WorkspaceUser user) {
        return InvitationController.actor(user);
    }
}
