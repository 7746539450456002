"""What the mobile app, its system browser and the payment service do over HTTP (docs/api.md §3-5), for Locust.

Pure protocol code: PKCE, DPoP proofs (RFC 9449, ES256 with the `cryptography` package), TOTP (RFC 6238, the
realm's HmacSHA1 / 6 digits / 30 s), a minimal HTML form reader, and redirects followed by hand so the app's
custom-scheme redirect (com.example.wallet:/oauth2redirect?code=...) ends the walk.
"""
import base64
import hashlib
import hmac
import json
import secrets
import struct
import threading
import time
import uuid
from html.parser import HTMLParser
from urllib.parse import urlencode, urljoin, urlparse, parse_qs

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

MOBILE_APP = "mobile-app"
MOBILE_REDIRECT = "com.example.wallet:/oauth2redirect"
PAYMENT_SERVICE = "payment-service"
LOGIN_FORM = "kc-form-login"
OTP_FORM = "kc-otp-login-form"
CONFIRM_FORM = "txauth-confirm-form"


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


class Pkce:
    def __init__(self):
        self.verifier = b64url(secrets.token_bytes(32))
        self.challenge = b64url(hashlib.sha256(self.verifier.encode("ascii")).digest())


class DpopKey:
    """The app's EC P-256 key: RFC 7638 thumbprint (dpop_jkt) and proofs (typ dpop+jwt, ES256, public JWK)."""

    def __init__(self, pkcs8_b64: str):
        self.key = serialization.load_der_private_key(base64.b64decode(pkcs8_b64), password=None)
        numbers = self.key.public_key().public_numbers()
        self.jwk = {"crv": "P-256", "kty": "EC", "x": b64url(numbers.x.to_bytes(32, "big")),
                    "y": b64url(numbers.y.to_bytes(32, "big"))}
        canonical = json.dumps(self.jwk, separators=(",", ":"), sort_keys=True)
        self.thumbprint = b64url(hashlib.sha256(canonical.encode("utf-8")).digest())

    def proof(self, method: str, url: str, access_token: str = None) -> str:
        header = {"typ": "dpop+jwt", "alg": "ES256", "jwk": self.jwk}
        parsed = urlparse(url)
        claims = {"jti": str(uuid.uuid4()), "htm": method,
                  "htu": f"{parsed.scheme}://{parsed.netloc}{parsed.path}", "iat": int(time.time())}
        if access_token:
            claims["ath"] = b64url(hashlib.sha256(access_token.encode("ascii")).digest())
        signing_input = (b64url(json.dumps(header, separators=(",", ":")).encode()) + "."
                         + b64url(json.dumps(claims, separators=(",", ":")).encode()))
        der = self.key.sign(signing_input.encode("ascii"), ec.ECDSA(hashes.SHA256()))
        r, s = decode_dss_signature(der)
        return signing_input + "." + b64url(r.to_bytes(32, "big") + s.to_bytes(32, "big"))


def totp(secret: str, step: int) -> str:
    digest = hmac.new(secret.encode("utf-8"), struct.pack(">Q", step), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    binary = struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF
    return "%06d" % (binary % 1_000_000)


class CodeBook:
    """Each TOTP code is accepted once per user; the realm's look-around window is one step either side."""

    def __init__(self):
        self.spent = {}
        self.lock = threading.Lock()

    @classmethod
    def load(cls, path):
        book = cls()
        try:
            with open(path) as f:
                book.spent = {secret: set(steps) for secret, steps in json.load(f).items()}
        except FileNotFoundError:
            pass
        return book

    def save(self, path):
        with self.lock, open(path, "w") as f:
            json.dump({secret: sorted(steps) for secret, steps in self.spent.items()}, f)

    def unspent(self, secret: str):
        now = int(time.time())
        if 30 - now % 30 < 3:  # never race the step boundary
            time.sleep(30 - now % 30 + 0.2)
            now = int(time.time())
        step = now // 30
        with self.lock:
            spent = self.spent.setdefault(secret, set())
            for candidate in (step, step + 1, step - 1):
                if candidate not in spent:
                    spent.add(candidate)
                    # forget steps that can no longer be accepted
                    spent.difference_update({s for s in spent if s < step - 2})
                    return totp(secret, candidate)
        return None


class _Forms(HTMLParser):
    def __init__(self):
        super().__init__()
        self.forms = {}
        self._current = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self._current = {"action": a.get("action", ""), "fields": {}}
            self.forms[a.get("id", "")] = self._current
        elif tag == "input" and self._current is not None and a.get("name"):
            if a.get("type") not in ("submit", "checkbox", "radio"):
                self._current["fields"][a["name"]] = a.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "form":
            self._current = None


class Page:
    def __init__(self, status, url, body, app_redirect=None):
        self.status, self.url, self.body, self.app_redirect = status, url, body, app_redirect
        self._forms = None

    def form(self, form_id):
        if self._forms is None:
            parser = _Forms()
            parser.feed(self.body or "")
            self._forms = parser.forms
        return self._forms.get(form_id)

    def code(self):
        if not self.app_redirect:
            return None
        return parse_qs(urlparse(self.app_redirect).query).get("code", [None])[0]

    def describe(self):
        return f"{self.status} {self.url}"


class FlowError(Exception):
    pass


class Browser:
    """The system browser + app on one phone: its cookies, its address (X-Forwarded-For), its DPoP key.

    Several phones may share one Locust user's HTTP session: each sign-in starts from this phone's own device
    cookie only (as a phone keeps TXAUTH_DEVICE between sign-ins, and nothing else of a finished login matters).
    """

    DEVICE_COOKIE = "TXAUTH_DEVICE"

    def __init__(self, session, realm_url, dpop: DpopKey, client_ip: str):
        self.http = session
        self.realm_url = realm_url
        self.dpop = dpop
        self.headers = {"X-Forwarded-For": client_ip}
        self.device = None

    def _plain_http_cookies(self):
        # Keycloak marks its cookies Secure; the servers under test listen on plain http on loopback, and requests
        # sends no Secure cookie over http (Keycloak then answers 400 cookie_not_found).
        for cookie in self.http.cookies:
            cookie.secure = False

    def new_sign_in(self):
        self.http.cookies.clear()
        if self.device is not None:
            self.http.cookies.set_cookie(self.device)

    def keep_device(self):
        for cookie in self.http.cookies:
            if cookie.name == self.DEVICE_COOKIE:
                self.device = cookie

    @property
    def token_url(self):
        return self.realm_url + "/protocol/openid-connect/token"

    def authorize(self, pkce: Pkce, extra=None, name="auth"):
        params = {"client_id": MOBILE_APP, "redirect_uri": MOBILE_REDIRECT, "response_type": "code",
                  "scope": "openid", "state": secrets.token_hex(8), "nonce": secrets.token_hex(8),
                  "dpop_jkt": self.dpop.thumbprint, "code_challenge": pkce.challenge,
                  "code_challenge_method": "S256"}
        params.update(extra or {})
        return self._follow(self.http.get(self.realm_url + "/protocol/openid-connect/auth?" + urlencode(params),
                                          headers=self.headers, allow_redirects=False, name=name), name)

    def submit(self, page: Page, form_id: str, fields: dict, name: str):
        form = page.form(form_id)
        if form is None:
            raise FlowError(f"no form#{form_id} on {page.describe()}")
        values = dict(form["fields"])
        values.update(fields)
        response = self.http.post(urljoin(page.url, form["action"]), data=values, headers=self.headers,
                                  allow_redirects=False, name=name)
        return self._follow(response, name)

    def _follow(self, response, name):
        for _ in range(20):
            self._plain_http_cookies()
            if not 300 <= response.status_code < 400:
                return Page(response.status_code, response.url, response.text)
            target = urljoin(response.url, response.headers["Location"])
            if not target.startswith("http"):
                return Page(response.status_code, response.url, response.text, app_redirect=target)
            response = self.http.get(target, headers=self.headers, allow_redirects=False, name=name + " (redirect)")
        raise FlowError("too many redirects")

    def login(self, user, codes: CodeBook, pkce: Pkce, extra=None, prefix="login"):
        """Password, then the second factor if Keycloak asks (a step-up): where the browser ends up."""
        page = self.authorize(pkce, extra, name=prefix + ": GET auth")
        if page.app_redirect:
            return page
        page = self.submit(page, LOGIN_FORM, {"username": user["username"], "password": user["password"],
                                              "credentialId": ""}, prefix + ": POST password")
        if not page.app_redirect and page.form(OTP_FORM) is not None and user.get("otp_secret"):
            page = self.submit(page, OTP_FORM, {"otp": self.code_for(user, codes)}, prefix + ": POST otp")
        return page

    @staticmethod
    def code_for(user, codes):
        code = codes.unspent(user["otp_secret"])
        if code is None:
            raise FlowError("every TOTP code of this window is spent for " + user["username"])
        return code

    def exchange(self, page: Page, pkce: Pkce, name="token: code"):
        if not page.code():
            raise FlowError("no code: ended on " + page.describe())
        response = self.http.post(self.token_url, data={
            "grant_type": "authorization_code", "code": page.code(), "redirect_uri": MOBILE_REDIRECT,
            "client_id": MOBILE_APP, "code_verifier": pkce.verifier},
            headers=dict(self.headers, DPoP=self.dpop.proof("POST", self.token_url)), name=name)
        return self._tokens(response)

    def refresh(self, refresh_token, name="token: refresh"):
        response = self.http.post(self.token_url, data={
            "grant_type": "refresh_token", "refresh_token": refresh_token, "client_id": MOBILE_APP},
            headers=dict(self.headers, DPoP=self.dpop.proof("POST", self.token_url)), name=name)
        return self._tokens(response)

    @staticmethod
    def _tokens(response):
        if response.status_code != 200:
            raise FlowError(f"token endpoint {response.status_code}: {response.text[:200]}")
        return response.json()


class PaymentService:
    """The payment service: client-credentials token (kept until shortly before expiry), register, consume."""

    def __init__(self, session, realm_url, secret):
        self.http = session
        self.realm_url = realm_url
        self.secret = secret
        self.token = None
        self.expires = 0

    def client_credentials(self, name="token: client_credentials"):
        response = self.http.post(self.realm_url + "/protocol/openid-connect/token", data={
            "grant_type": "client_credentials", "client_id": PAYMENT_SERVICE, "client_secret": self.secret},
            name=name)
        if response.status_code != 200:
            raise FlowError(f"client_credentials {response.status_code}: {response.text[:200]}")
        return response.json()

    def bearer(self):
        if self.token is None or time.time() > self.expires:
            tokens = self.client_credentials(name="payment: client_credentials")
            self.token = tokens["access_token"]
            self.expires = time.time() + tokens.get("expires_in", 60) - 15
        return {"Authorization": "Bearer " + self.token}

    def register(self, user_id, amount):
        body = {"user_id": user_id, "client_id": MOBILE_APP, "authorization_details": {
            "type": "payment_initiation", "instructedAmount": {"currency": "NGN", "amount": amount},
            "creditorName": "Load Test Ltd",
            "creditorAccount": {"scheme": "NUBAN", "identification": "0123456789", "bankCode": "058"},
            "remittanceInformation": "load test"}}
        response = self.http.post(self.realm_url + "/txauth/transactions", json=body, headers=self.bearer(),
                                  name="payment: register")
        if response.status_code != 201:
            raise FlowError(f"register {response.status_code}: {response.text[:200]}")
        return response.json()["transaction_id"]

    def consume(self, transaction_id):
        response = self.http.post(f"{self.realm_url}/txauth/transactions/{transaction_id}/consume",
                                  headers=self.bearer(), name="payment: consume")
        if response.status_code != 200:
            raise FlowError(f"consume {response.status_code}: {response.text[:200]}")
        return response.json()
