package dev.txauth.testkit.users;

import dev.txauth.testkit.client.AdminClient;
import dev.txauth.testkit.client.Json;
import dev.txauth.testkit.server.TxauthServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/**
 * Keycloak 26's declarative user profile drops attributes it does not declare, so a phone user needs
 * {@code phone_number} and {@code phone_number_verified} declared first. Declared as an administrator would, editable by
 * admins only, so no login or account page starts asking users for them; a realm that already declares them is left
 * as it is.
 */
final class PhoneAttributes {

    private static final String PROFILE = "/admin/realms/" + TxauthServer.REALM + "/users/profile";

    private PhoneAttributes() {
    }

    static synchronized void declare(TxauthServer server) {
        AdminClient.Response read = server.admin().get(PROFILE);
        if (read.status() != 200) {
            throw new IllegalStateException("Read user profile: " + read.status() + " " + read.body());
        }
        ObjectNode profile = (ObjectNode) read.json();
        ArrayNode attributes = (ArrayNode) profile.withArray("attributes");
        boolean changed = false;
        for (String name : List.of(TestUsers.PHONE_NUMBER, TestUsers.PHONE_NUMBER_VERIFIED)) {
            if (!declared(attributes, name)) {
                attributes.add(Json.MAPPER.valueToTree(Map.of("name", name, "displayName", name,
                        "permissions", Map.of("view", List.of("admin"), "edit", List.of("admin")),
                        "multivalued", false)));
                changed = true;
            }
        }
        if (changed) {
            AdminClient.Response written = server.admin().put(PROFILE, profile);
            if (written.status() != 200) {
                throw new IllegalStateException("Declare phone attributes: " + written.status() + " "
                        + written.body());
            }
        }
    }

    private static boolean declared(JsonNode attributes, String name) {
        for (JsonNode attribute : attributes) {
            if (name.equals(attribute.path("name").asText())) {
                return true;
            }
        }
        return false;
    }
}
