package dev.txauth.sms;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/**
 * The Keycloak SPI {@code txauth-sms-sender} (docs/api.md §9): one provider per SMS gateway plus {@code failover},
 * the ordered chain that callers use. Server options are {@code --spi-txauth-sms-sender--<provider>--<option>}.
 */
public class SmsSenderSpi implements Spi {

    public static final String NAME = "txauth-sms-sender";

    @Override
    public boolean isInternal() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return SmsSender.class;
    }

    @Override
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return SmsSenderFactory.class;
    }
}
