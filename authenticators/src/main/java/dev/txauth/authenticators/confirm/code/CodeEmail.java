package dev.txauth.authenticators.confirm.code;

import dev.txauth.transactions.detail.PaymentDetail;
import dev.txauth.transactions.detail.PaymentDisplay;
import org.jboss.logging.Logger;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The code by email (docs/api.md §9): theme {@code txauth}, template {@code txauth-code.ftl} (English, French), with
 * the same facts as the SMS — amount, payee, bank, masked account, the code and "never share it" — sent through
 * Keycloak's own email sender and the realm's SMTP settings. A failure is logged without address or code.
 */
final class CodeEmail {

    static final String TEMPLATE = "txauth-code.ftl";
    static final String SUBJECT = "txauthCodeSubject";
    private static final Logger LOG = Logger.getLogger(CodeEmail.class);

    private CodeEmail() {
    }

    static boolean send(KeycloakSession session, RealmModel realm, UserModel user, PaymentDetail detail, String code,
                        long lifetimeSeconds) {
        Locale locale = session.getContext().resolveLocale(user);
        Map<String, Object> attributes = new HashMap<>(); // mutable: the provider adds locale, user, realm...
        attributes.put("txauthAmount", PaymentDisplay.amount(detail.amount(), detail.currency(), locale));
        attributes.put("txauthPayee", PaymentDisplay.reveal(detail.creditorName()));
        attributes.put("txauthBank", PaymentDisplay.bank(detail));
        attributes.put("txauthAccount", PaymentDisplay.maskedAccount(detail));
        attributes.put("txauthCode", code);
        attributes.put("txauthMinutes", Math.max(1, lifetimeSeconds / 60));
        String realmName = realm.getDisplayName() != null ? realm.getDisplayName() : realm.getName();
        try {
            session.getProvider(EmailTemplateProvider.class).setRealm(realm).setUser(user)
                    .send(SUBJECT, List.of(realmName), TEMPLATE, attributes);
            return true;
        } catch (EmailException | RuntimeException e) {
            LOG.warnf("txauth code email failed realm=%s user=%s: %s", realm.getName(), user.getId(),
                    e.getClass().getSimpleName());
            return false;
        }
    }
}
