package dev.txauth.authenticators.confirm.code;

import org.keycloak.authentication.AuthenticationFlowContext;

import java.util.HashMap;
import java.util.Map;

/**
 * The confirmation page's part for codes (docs/api.md §9): the "Send a code by SMS to •••• 1234" / "by email"
 * buttons and, once a code was sent in this authentication, the channel whose code the {@code otp} input takes
 * (the hidden {@code factor}). The sent channel lives in an auth note, so a re-render after a wrong code keeps it.
 */
public final class CodePage {

    static final String SENT_NOTE = "txauth.code.sent";

    private CodePage() {
    }

    /** The template's {@code txauthCode}: {@code sms} (masked number) and {@code email} when offered, {@code sent}. */
    public static Map<String, Object> model(AuthenticationFlowContext context) {
        CodeOffer offer = CodeOffer.of(context.getSession(), context.getRealm(), context.getUser());
        Map<String, Object> model = new HashMap<>();
        if (offer.phone() != null) {
            model.put("sms", offer.maskedPhone());
        }
        if (offer.email() != null) {
            model.put("email", Boolean.TRUE);
        }
        String sent = context.getAuthenticationSession().getAuthNote(SENT_NOTE);
        if (sent != null) {
            model.put("sent", sent);
        }
        return model;
    }

    public static boolean offered(AuthenticationFlowContext context) {
        return CodeOffer.of(context.getSession(), context.getRealm(), context.getUser()).any();
    }

    public static void markSent(AuthenticationFlowContext context, CodeChannel channel) {
        context.getAuthenticationSession().setAuthNote(SENT_NOTE, channel.factor());
    }

    /** Which send button the form pressed, if any. */
    public static java.util.Optional<CodeChannel> sendRequested(jakarta.ws.rs.core.MultivaluedMap<String, String> form) {
        for (CodeChannel channel : CodeChannel.values()) {
            if (form.containsKey(channel.sendSubmit())) {
                return java.util.Optional.of(channel);
            }
        }
        return java.util.Optional.empty();
    }
}
