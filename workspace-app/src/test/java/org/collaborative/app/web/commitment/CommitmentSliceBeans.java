package org.collaborative.app.web.commitment;

import static org.mockito.Mockito.mock;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.bean.override.mockito.MockReset;

/**
 * The commitment pages' own helpers, which only this package can name, as mocks for every controller slice (see
 * {@link org.collaborative.app.support.ControllerSlice}): reset after each test like the slice's other mocks.
 */
@TestConfiguration(proxyBeanMethods = false)
public class CommitmentSliceBeans {

    @Bean
    CommitmentAccess commitmentAccess() {
        return mock(CommitmentAccess.class, MockReset.withSettings(MockReset.AFTER));
    }

    @Bean
    RetreatReports retreatReports() {
        return mock(RetreatReports.class, MockReset.withSettings(MockReset.AFTER));
    }

    @Bean
    RetreatPeople retreatPeople() {
        return mock(RetreatPeople.class, MockReset.withSettings(MockReset.AFTER));
    }
}
