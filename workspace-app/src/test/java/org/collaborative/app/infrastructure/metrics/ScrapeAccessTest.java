package org.collaborative.app.infrastructure.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ScrapeAccessTest {

    @Test
    void withoutATokenOnlyThisMachineMayScrape() {
        ScrapeAccess access = new ScrapeAccess("");
        assertThat(access.allows(from("127.0.0.1", null))).isTrue();
        assertThat(access.allows(from("::1", null))).isTrue();
        assertThat(access.allows(from("10.0.0.7", null))).isFalse();
        assertThat(access.allows(from("10.0.0.7", "Bearer anything"))).isFalse();
    }

    @Test
    void withATokenOnlyTheTokenOpensItFromAnywhere() {
        ScrapeAccess access = new ScrapeAccess("s3cret-scrape-token");
        assertThat(access.allows(from("10.0.0.7", "Bearer s3cret-scrape-token")))
                .isTrue();
        assertThat(access.allows(from("127.0.0.1", null)))
                .as("not even this machine without it")
                .isFalse();
        assertThat(access.allows(from("10.0.0.7", "Bearer s3cret-scrape-tokeN")))
                .isFalse();
        assertThat(access.allows(from("10.0.0.7", "Basic s3cret-scrape-token"))).isFalse();
    }

    private static MockHttpServletRequest from(String address, String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/prometheus");
        request.setRemoteAddr(address);
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        return request;
    }
}
