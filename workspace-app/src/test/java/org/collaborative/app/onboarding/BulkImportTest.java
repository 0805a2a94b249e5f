package org.collaborative.app.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.onboarding.BulkImport.Outcome;
import org.collaborative.app.onboarding.BulkImport.Row;
import org.collaborative.events.member.MemberRole;
import org.junit.jupiter.api.Test;

class BulkImportTest {

    private static final Actor ADMIN = new Actor("admin", "london-councils", MemberRole.ADMINISTRATOR);
    private static final Actor CAMDEN_ADMIN = new Actor("ca", "E09000007", MemberRole.ORGANISATION_ADMINISTRATOR);
    private static final Map<String, String> ORGANISATIONS = new LinkedHashMap<>(
            Map.of("E09000007", "Camden", "E09000012", "Hackney", "london-councils", "London Councils"));

    private final BulkImport bulkImport = new BulkImport(
            ORGANISATIONS, email -> Set.of("tom.hughes@camden.example").contains(email));

    @Test
    void eachRowSaysWhatWouldHappenBeforeAnythingIsCreated() {
        BulkImport.Preview preview = bulkImport.preview("""
                name,email,organisation,role,job title
                Grace Adeyemi,Grace.Adeyemi@camden.example,Camden,Service leader,Head of housing
                Tom Hughes,tom.hughes@camden.example,Camden,Service leader,
                "Okafor, Amara",amara@hackney.example,E09000012,CHIEF_EXECUTIVE,"Chief executive"
                """, ADMIN);

        assertThat(preview.fileErrors()).isEmpty();
        assertThat(preview.rows())
                .extracting(Row::line, Row::email, Row::organisationId, Row::role, Row::outcome)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                2,
                                "grace.adeyemi@camden.example",
                                "E09000007",
                                MemberRole.SERVICE_LEADER,
                                Outcome.INVITE),
                        org.assertj.core.groups.Tuple.tuple(
                                3,
                                "tom.hughes@camden.example",
                                "E09000007",
                                MemberRole.SERVICE_LEADER,
                                Outcome.ALREADY_HAS_AN_ACCOUNT),
                        org.assertj.core.groups.Tuple.tuple(
                                4, "amara@hackney.example", "E09000012", MemberRole.CHIEF_EXECUTIVE, Outcome.INVITE));
        assertThat(preview.rows().get(2).name()).isEqualTo("Okafor, Amara");
        assertThat(preview.canImport()).isTrue();
    }

    @Test
    void aRowWithProblemsListsThemAllAndStopsTheImport() {
        BulkImport.Preview preview = bulkImport.preview("""
                name,email,organisation,role,job title
                ,not-an-address,Narnia,Wizard,
                Grace Adeyemi,grace@camden.example,Camden,Service leader,
                """, ADMIN);

        assertThat(preview.rows().get(0).errors())
                .containsExactly(
                        "Enter a name",
                        "Enter an email address in the correct format, like name@example.com",
                        "No organisation is called ‘Narnia’",
                        "No role is called ‘Wizard’");
        assertThat(preview.rows().get(1).outcome()).isEqualTo(Outcome.INVITE);
        assertThat(preview.canImport()).isFalse();
    }

    @Test
    void anAddressTwiceInTheFileIsAProblemOnItsSecondRow() {
        BulkImport.Preview preview = bulkImport.preview("""
                email,name,role,organisation
                grace@camden.example,Grace Adeyemi,Service leader,Camden
                GRACE@camden.example,Grace A,Councillor,Camden
                """, ADMIN);

        assertThat(preview.rows()).extracting(Row::outcome).containsExactly(Outcome.INVITE, Outcome.ERROR);
        assertThat(preview.rows().get(1).errors()).containsExactly("This email address is on an earlier row too");
    }

    @Test
    void anOrganisationAdministratorImportsOnlyTheirOwnPeopleAndNoAdministrators() {
        BulkImport.Preview preview = bulkImport.preview("""
                name,email,organisation,role,job title
                Grace Adeyemi,grace@camden.example,Camden,Administrator,
                Ade Bello,ade@hackney.example,Hackney,Service leader,
                """, CAMDEN_ADMIN);

        assertThat(preview.rows().get(0).errors())
                .containsExactly("Only an administrator can invite another administrator");
        assertThat(preview.rows().get(1).errors())
                .containsExactly("You can only invite people to your own organisation");
    }

    @Test
    void aFileWithoutTheColumnsSaysWhichIsMissing() {
        BulkImport.Preview preview = bulkImport.preview("full name,address\nGrace,grace@camden.example\n", ADMIN);

        assertThat(preview.rows()).isEmpty();
        assertThat(preview.fileErrors()).hasSize(4).first().asString().contains("no ‘name’ column");
        assertThat(preview.canImport()).isFalse();
    }

    @Test
    void aSpreadsheetsByteOrderMarkAndBlankLinesAreIgnored() {
        BulkImport.Preview preview = bulkImport.preview(
                "\uFEFFName,Email,Organisation,Role,Job_Title\r\n\r\nGrace,grace@camden.example,camden,service leader,\r\n",
                ADMIN);

        assertThat(preview.rows()).extracting(Row::outcome).containsExactly(Outcome.INVITE);
    }

    @Test
    void anEmptyFileHasNobodyToImport() {
        assertThat(bulkImport
                        .preview("name,email,organisation,role,job title\n", ADMIN)
                        .fileErrors())
                .containsExactly("The file has no people in it");
    }

    @Test
    void reImportingAFileWhosePeopleNowHaveAccountsInvitesNobody() {
        String csv = "name,email,organisation,role\nTom Hughes,tom.hughes@camden.example,Camden,Service leader\n";

        BulkImport.Preview again = bulkImport.preview(csv, ADMIN);

        assertThat(again.count(Outcome.INVITE)).isZero();
        assertThat(again.canImport()).isFalse();
        assertThat(List.of(again.rows().get(0).outcome())).containsExactly(Outcome.ALREADY_HAS_AN_ACCOUNT);
    }
}
