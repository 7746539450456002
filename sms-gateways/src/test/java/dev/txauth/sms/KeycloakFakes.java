package dev.txauth.sms;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.vault.VaultStringSecret;
import org.keycloak.vault.VaultTranscriber;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few Keycloak interfaces the factories touch, as plain fakes: server options from a map, a vault that
 * answers {@code ${vault.key}} like Keycloak's files-plaintext vault (plain values pass through), and a session
 * (factory) that hands out the given providers (factories).
 */
public final class KeycloakFakes {

    private static final Pattern VAULT = Pattern.compile("^\\$\\{vault\\.(.+)}$");

    private KeycloakFakes() {
    }

    public static Config.Scope scope(Map<String, String> options) {
        return new Config.Scope() {
            public String get(String key) {
                return options.get(key);
            }

            public String get(String key, String defaultValue) {
                return options.getOrDefault(key, defaultValue);
            }

            public String[] getArray(String key) {
                String value = options.get(key);
                return value == null ? null : value.split(",");
            }

            public Integer getInt(String key, Integer defaultValue) {
                return options.containsKey(key) ? Integer.valueOf(options.get(key)) : defaultValue;
            }

            public Long getLong(String key, Long defaultValue) {
                return options.containsKey(key) ? Long.valueOf(options.get(key)) : defaultValue;
            }

            public Boolean getBoolean(String key, Boolean defaultValue) {
                return options.containsKey(key) ? Boolean.valueOf(options.get(key)) : defaultValue;
            }

            public Config.Scope scope(String... scope) {
                throw new UnsupportedOperationException();
            }

            public Set<String> getPropertyNames() {
                return options.keySet();
            }

            public Config.Scope root() {
                throw new UnsupportedOperationException();
            }
        };
    }

    public static VaultTranscriber vault(Map<String, String> entries) {
        return new VaultTranscriber() {
            public VaultStringSecret getStringSecret(String value) {
                Matcher m = VAULT.matcher(value);
                Optional<String> secret = m.matches() ? Optional.ofNullable(entries.get(m.group(1))) : Optional.of(value);
                return new VaultStringSecret() {
                    public Optional<String> get() {
                        return secret;
                    }

                    public void close() {
                    }
                };
            }

            public org.keycloak.vault.VaultRawSecret getRawSecret(String value) {
                throw new UnsupportedOperationException();
            }

            public org.keycloak.vault.VaultCharSecret getCharSecret(String value) {
                throw new UnsupportedOperationException();
            }
        };
    }

    public static KeycloakSession session(VaultTranscriber vault, Map<String, SmsSender> providers) {
        return (KeycloakSession) Proxy.newProxyInstance(KeycloakFakes.class.getClassLoader(),
                new Class<?>[]{KeycloakSession.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "vault" -> vault;
                    case "getProvider" -> args.length == 2 ? providers.get((String) args[1]) : null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    public static KeycloakSessionFactory sessionFactory(Map<String, ProviderFactory<?>> factories) {
        return (KeycloakSessionFactory) Proxy.newProxyInstance(KeycloakFakes.class.getClassLoader(),
                new Class<?>[]{KeycloakSessionFactory.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getProviderFactory" -> args.length == 2 ? factories.get((String) args[1]) : null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
