package org.collaborative.app.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.FilterChainProxy;
import tools.jackson.databind.json.JsonMapper;

/**
 * What Spring Security's firewall refuses: found by the request fuzzer, {@code POST /api/invitations/../resend} was a
 * 400 with Spring Boot's error body, not a problem detail.
 */
class RejectedAddressesTest {

    private final FilterChainProxy firewall = new FilterChainProxy(List.of());

    RejectedAddressesTest() {
        firewall.setRequestRejectedHandler(
                new RejectedAddresses(JsonMapper.builder().build()));
    }

    private MockHttpServletResponse send(String path) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setServletPath(path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        firewall.doFilter(request, response, new MockFilterChain());
        return response;
    }

    @Test
    void aRefusedApiAddressIsAProblemDetail() throws Exception {
        MockHttpServletResponse response = send("/api/invitations/../resend");
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(response.getContentAsString())
                .contains("\"type\":\"https://collaborative.london/problems/invalid-address\"")
                .contains("\"title\":\"Invalid address\"")
                .contains("\"status\":400");
    }

    @Test
    void aRefusedPageAddressIsLeftToTheErrorPage() throws Exception {
        MockHttpServletResponse response = send("/groups/../leave");
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getErrorMessage()).isNull();
        assertThat(response.getContentAsString()).isEmpty();
    }
}
