package org.collaborative.app.infrastructure.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.FlashMapManager;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * The static files ({@link StaticFiles}), each under its own prefix: our stylesheet and script, the webjars (htmx,
 * GOV.UK Frontend, linked without their versions) and GOV.UK Frontend's images and fonts, which its stylesheet loads
 * from {@code /assets}.
 *
 * <p>Spring Boot's catch-all {@code /**} mapping is turned off ({@code spring.web.resources.add-mappings: false}):
 * with it, every link a page renders ({@code /groups/...}, {@code /items/...}) was looked up as a possible static file
 * across the whole class path of the packaged jar, which took three quarters of a group page's time
 * (docs/performance.md). With a prefix per kind, a link that is not a static file is recognised at once.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/css/**")
                .addResourceLocations("classpath:/static/css/")
                .resourceChain(true);
        registry.addResourceHandler("/js/**")
                .addResourceLocations("classpath:/static/js/")
                .resourceChain(true);
        // The chain resolves version-less webjar links (webjars-locator-lite) and caches what it has found.
        registry.addResourceHandler("/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .resourceChain(true);
        registry.addResourceHandler("/assets/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/govuk-frontend/5.14.0/dist/govuk/assets/")
                .resourceChain(true);
    }

    /**
     * Spring MVC looks for flash attributes in the session on every request it handles, which loads the session from
     * PostgreSQL and writes it back; a static file has none, so it skips the lookup and never touches the session.
     */
    @Bean(DispatcherServlet.FLASH_MAP_MANAGER_BEAN_NAME)
    FlashMapManager flashMapManager() {
        SessionFlashMapManager session = new SessionFlashMapManager();
        return new FlashMapManager() {
            @Override
            public FlashMap retrieveAndUpdate(HttpServletRequest request, HttpServletResponse response) {
                return StaticFiles.requested(request) ? null : session.retrieveAndUpdate(request, response);
            }

            @Override
            public void saveOutputFlashMap(
                    FlashMap flashMap, HttpServletRequest request, HttpServletResponse response) {
                session.saveOutputFlashMap(flashMap, request, response);
            }
        };
    }
}
