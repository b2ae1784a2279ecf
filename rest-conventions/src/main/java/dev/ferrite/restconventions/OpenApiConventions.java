package dev.ferrite.restconventions;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The OpenAPI document's frame: the service's name and version, and HTTP Basic API keys everywhere. */
final class OpenApiConventions {

    static final String API_KEY_SCHEME = "apiKey";

    private OpenApiConventions() {
    }

    static OpenAPI document(ServiceIdentity identity) {
        return new OpenAPI()
                .info(new Info()
                        .title("Ferrite " + identity.service())
                        .version(identity.version())
                        .description("REST API of Ferrite's " + identity.service()
                                + ". Authenticate with HTTP Basic, using an API key as the user name and its secret as the password."))
                .components(new Components().addSecuritySchemes(API_KEY_SCHEME, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("basic")
                        .description("API key and secret, as issued by auth-service")))
                .addSecurityItem(new SecurityRequirement().addList(API_KEY_SCHEME));
    }
}
