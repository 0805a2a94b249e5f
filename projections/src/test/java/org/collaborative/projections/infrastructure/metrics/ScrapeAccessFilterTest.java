package org.collaborative.projections.infrastructure.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ScrapeAccessFilterTest {

    @Test
    void withoutATokenOnlyThisMachineMayScrape() throws Exception {
        ScrapeAccessFilter filter = new ScrapeAccessFilter(null);
        assertThat(status(filter, "127.0.0.1", null)).isEqualTo(200);
        assertThat(status(filter, "192.168.1.20", null)).isEqualTo(403);
    }

    @Test
    void withATokenOnlyTheTokenOpensIt() throws Exception {
        ScrapeAccessFilter filter = new ScrapeAccessFilter("s3cret-scrape-token");
        assertThat(status(filter, "192.168.1.20", "Bearer s3cret-scrape-token")).isEqualTo(200);
        assertThat(status(filter, "127.0.0.1", null)).isEqualTo(403);
        assertThat(status(filter, "192.168.1.20", "Bearer wrong")).isEqualTo(403);
    }

    private static int status(ScrapeAccessFilter filter, String address, String authorization) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/prometheus");
        request.setRemoteAddr(address);
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response.getStatus();
    }
}
