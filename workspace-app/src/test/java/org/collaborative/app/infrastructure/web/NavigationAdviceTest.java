package org.collaborative.app.infrastructure.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class NavigationAdviceTest {

    private final NavigationAdvice advice = new NavigationAdvice();

    @Test
    void anOrganisationAdministratorsRegistrationsAreTheirCurrentSection() {
        assertThat(advice.section(request("/admin/registrations", "ORGANISATION_ADMINISTRATOR")))
                .isEqualTo("registrations");
        assertThat(advice.section(request("/admin/registrations/42/approve", "ORGANISATION_ADMINISTRATOR")))
                .isEqualTo("registrations");
    }

    @Test
    void anAdministratorsRegistrationsAreInTheAdminSection() {
        assertThat(advice.section(request("/admin/registrations", "ADMINISTRATOR")))
                .isEqualTo("admin");
        assertThat(advice.section(request("/admin/views", "ADMINISTRATOR"))).isEqualTo("admin");
    }

    @Test
    void pagesBelongToTheSectionOfTheirAddress() {
        assertThat(advice.section(request("/", "SERVICE_LEADER"))).isEqualTo("home");
        assertThat(advice.section(request("/groups/g-1", "SERVICE_LEADER"))).isEqualTo("themes");
        assertThat(advice.section(request("/digests", "CHIEF_EXECUTIVE"))).isEqualTo("notifications");
        assertThat(advice.section(request("/themesque", "SERVICE_LEADER")))
                .as("a prefix matches whole path segments only")
                .isEmpty();
    }

    private static MockHttpServletRequest request(String path, String role) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.addUserRole(role);
        return request;
    }
}
