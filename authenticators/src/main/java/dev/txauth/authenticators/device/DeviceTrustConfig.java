package dev.txauth.authenticators.device;

import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import java.util.List;

/** Typed view of a {@code txauth-device-trust} execution's config. */
public final class DeviceTrustConfig {

    public static final String NEW_DEVICE_EMAIL = "new-device-email";

    public static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property().name(NEW_DEVICE_EMAIL).label("New-device alert email").type(ProviderConfigProperty.BOOLEAN_TYPE)
            .defaultValue("true")
            .helpText("Email the user (realm SMTP, theme txauth) when a device becomes known for their account.")
            .add().build();

    private final boolean newDeviceEmail;

    private DeviceTrustConfig(boolean newDeviceEmail) {
        this.newDeviceEmail = newDeviceEmail;
    }

    public static DeviceTrustConfig of(AuthenticatorConfigModel model) {
        String raw = model == null || model.getConfig() == null ? null : model.getConfig().get(NEW_DEVICE_EMAIL);
        return new DeviceTrustConfig(raw == null || !raw.trim().equalsIgnoreCase("false"));
    }

    public boolean newDeviceEmail() {
        return newDeviceEmail;
    }
}
