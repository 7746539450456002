package dev.txauth.model;

/**
 * The user attributes that hold a phone for SMS codes (docs/api.md §9), named as in OpenID Connect Core §5.1: the
 * number in E.164 and whether the user proved they receive SMS on it ({@code "true"}).
 */
public final class UserPhone {

    public static final String NUMBER = "phone_number";
    public static final String VERIFIED = "phone_number_verified";

    private UserPhone() {
    }
}
