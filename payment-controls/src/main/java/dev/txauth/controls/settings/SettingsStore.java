package dev.txauth.controls.settings;

import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.RealmModel;
import org.keycloak.services.ui.extend.UiTabProvider;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a realm's {@link TxauthSettings} live: one Keycloak component of the admin console's tab type, so the
 * console's "txauth-settings" tab ({@link SettingsTab}) and the settings API edit the same stored values. Components
 * are in the database and in Keycloak's realm cache, invalidated cluster-wide on change.
 *
 * <p>The component a REST write creates has an id derived from the realm's, so two nodes creating it at once collide
 * on the primary key instead of leaving two.
 */
public final class SettingsStore {

    static final String PROVIDER_TYPE = UiTabProvider.class.getName();

    private SettingsStore() {
    }

    /** The realm's settings; defaults when nobody has saved any. */
    public static TxauthSettings read(RealmModel realm) {
        return component(realm).map(c -> TxauthSettings.fromConfig(flat(c.getConfig())))
                .orElseGet(TxauthSettings::defaults);
    }

    static void write(RealmModel realm, TxauthSettings settings) {
        Optional<ComponentModel> existing = component(realm);
        ComponentModel model = existing.orElseGet(() -> newComponent(realm));
        MultivaluedHashMap<String, String> config = new MultivaluedHashMap<>();
        settings.toConfig().forEach(config::putSingle);
        model.setConfig(config);
        if (existing.isPresent()) {
            realm.updateComponent(model);
        } else {
            realm.addComponentModel(model);
        }
    }

    static Optional<ComponentModel> component(RealmModel realm) {
        return realm.getComponentsStream(realm.getId(), PROVIDER_TYPE)
                .filter(c -> SettingsTab.PROVIDER_ID.equals(c.getProviderId()))
                .findFirst();
    }

    static Map<String, String> flat(MultivaluedHashMap<String, String> config) {
        Map<String, String> flat = new LinkedHashMap<>();
        if (config != null) {
            config.forEach((key, values) -> {
                if (values != null && !values.isEmpty()) {
                    flat.put(key, values.get(0) == null ? "" : values.get(0));
                }
            });
        }
        return flat;
    }

    private static ComponentModel newComponent(RealmModel realm) {
        ComponentModel model = new ComponentModel();
        model.setId(UUID.nameUUIDFromBytes((SettingsTab.PROVIDER_ID + ":" + realm.getId())
                .getBytes(StandardCharsets.UTF_8)).toString());
        model.setName(SettingsTab.PROVIDER_ID);
        model.setProviderId(SettingsTab.PROVIDER_ID);
        model.setProviderType(PROVIDER_TYPE);
        model.setParentId(realm.getId());
        return model;
    }
}
