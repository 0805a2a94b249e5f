package org.collaborative.app.moderation;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A page that shows a refused post again (its form with what was typed and the error summary, as for any broken rule)
 * is answered with 429 Too Many Requests and {@code Retry-After} in seconds. htmx swaps 429 responses like 200 ones
 * (the layout's {@code htmx-config}), so the form with its error replaces the one on screen. The API's 429 is
 * written by {@code ApiProblems}.
 */
@Configuration(proxyBeanMethods = false)
class PostingLimitResponses implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void postHandle(
            HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView view) {
        if (request.getAttribute(PostingLimitInterceptor.REFUSED) instanceof PostingLimitReachedException refused
                && (view == null
                        || view.getViewName() == null
                        || !view.getViewName().startsWith("redirect:"))) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(
                    HttpHeaders.RETRY_AFTER, Long.toString(refused.retryAfter().getSeconds()));
        }
    }
}
