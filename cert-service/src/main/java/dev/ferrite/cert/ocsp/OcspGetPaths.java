package dev.ferrite.cert.ocsp;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Lets the base64 of a GET request through to {@link OcspController}: RFC 6960 has clients
 * URL-encode it, so its '/' arrives as {@code %2F}, and clients that skip the encoding send raw
 * '/', which base64 may double. Tomcat and Spring Security refuse both by default, against path
 * tricks that cannot reach anything under {@code /ocsp/} but the responder.
 */
@Configuration(proxyBeanMethods = false)
class OcspGetPaths {

    static final String PREFIX = "/ocsp/";

    /** Keeps {@code %2F} encoded in the servlet path instead of refusing it; Spring MVC decodes path variables itself. */
    @Bean
    TomcatConnectorCustomizer encodedSlashesPassThrough() {
        return connector -> connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
    }

    @Bean
    WebSecurityCustomizer ocspPathFirewall() {
        return web -> web.httpFirewall(new OcspPathFirewall());
    }

    /** Spring Security's strict firewall everywhere, with encoded and doubled slashes allowed under /ocsp/ only. */
    static final class OcspPathFirewall implements HttpFirewall {

        private final StrictHttpFirewall strict = new StrictHttpFirewall();
        private final StrictHttpFirewall ocsp = new StrictHttpFirewall();

        OcspPathFirewall() {
            ocsp.setAllowUrlEncodedSlash(true);
            ocsp.setAllowUrlEncodedDoubleSlash(true);
            // %2F stays encoded in the servlet path (see above), so the decoded path holds a '%'.
            ocsp.setAllowUrlEncodedPercent(true);
        }

        @Override
        public FirewalledRequest getFirewalledRequest(HttpServletRequest request) {
            boolean ocspPath = request.getRequestURI().startsWith(request.getContextPath() + PREFIX);
            return (ocspPath ? ocsp : strict).getFirewalledRequest(request);
        }

        @Override
        public HttpServletResponse getFirewalledResponse(HttpServletResponse response) {
            return strict.getFirewalledResponse(response);
        }
    }
}
