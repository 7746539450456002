"""Locust scenario mix against one Keycloak (txauth or vanilla), described by the JSON file in $LOAD_TARGET.

Scenarios (each a User class, its count fixed by the environment so both servers get the same mix):
  LoginUser             full mobile-app login: authorization request (PKCE, dpop_jkt), password, code exchange with
                        a DPoP proof; the phone keeps its TXAUTH_DEVICE cookie, as a real one does   ($LOGIN_USERS)
  RefreshUser           signs in once, then refreshes its DPoP-bound tokens                         ($REFRESH_USERS)
  ClientCredentialsUser the payment service's client-credentials token                              ($CC_USERS)
  PaymentUser           txauth only (docs/api.md §3-5): register -> transaction request + login -> TOTP on the
                        confirmation page -> code exchange (DPoP) -> consume                        ($PAYMENT_USERS)
Each scenario run is also reported as one request of type SCENARIO (whole flow), next to its HTTP steps.
"""
import itertools
import json
import os
import time

import gevent
from locust import HttpUser, between, events, task

from txauth_client import Browser, CodeBook, DpopKey, FlowError, PaymentService, Pkce, CONFIRM_FORM

with open(os.environ["LOAD_TARGET"]) as f:
    TARGET = json.load(f)
REALM_URL = TARGET["realm_url"]
DPOP = DpopKey(TARGET["dpop_pkcs8"])
# TOTP codes spent by earlier phases (other Locust processes) of this run on the same users stay spent.
SPENT_FILE = os.environ["LOAD_TARGET"] + ".spent-codes.json"
CODES = CodeBook.load(SPENT_FILE)
NEXT_USER = itertools.count()
NEXT_IP = itertools.count(1)
WAIT = float(os.environ.get("WAIT_SECONDS", "0.5"))


@events.quitting.add_listener
def keep_spent_codes(environment, **kwargs):
    CODES.save(SPENT_FILE)


def take_users(n):
    users = TARGET["users"]
    return [users[next(NEXT_USER) % len(users)] for _ in range(n)]


class Scenario(HttpUser):
    abstract = True
    host = TARGET["base_url"]
    wait_time = between(WAIT * 0.5, WAIT * 1.5)

    def new_browser(self):
        n = next(NEXT_IP)
        return Browser(self.client, REALM_URL, DPOP, f"10.{n >> 16 & 255}.{n >> 8 & 255}.{n & 255}")

    def timed(self, name, flow):
        """Runs one whole scenario and reports it as a SCENARIO request (its own latency, success or failure)."""
        start = time.perf_counter()
        error = None
        try:
            flow()
        except (FlowError, KeyError, ValueError) as e:
            error = e
        self.environment.events.request.fire(request_type="SCENARIO", name=name,
                                              response_time=(time.perf_counter() - start) * 1000,
                                              response_length=0, exception=error, context={})


class LoginUser(Scenario):
    fixed_count = int(os.environ.get("LOGIN_USERS", "0"))

    def on_start(self):
        self.user = take_users(1)[0]
        self.browser = self.new_browser()

    @task
    def login(self):
        def flow():
            self.browser.new_sign_in()
            pkce = Pkce()
            page = self.browser.login(self.user, CODES, pkce)
            self.browser.keep_device()
            self.browser.exchange(page, pkce)
        self.timed("login", flow)


class RefreshUser(Scenario):
    fixed_count = int(os.environ.get("REFRESH_USERS", "0"))

    def on_start(self):
        self.user = take_users(1)[0]
        self.browser = self.new_browser()
        self.refresh_token = None

    @task
    def refresh(self):
        def flow():
            if self.refresh_token is None:
                self.browser.new_sign_in()
                pkce = Pkce()
                self.refresh_token = self.browser.exchange(
                    self.browser.login(self.user, CODES, pkce, prefix="refresh: initial login"), pkce,
                    name="refresh: initial code exchange")["refresh_token"]
                return
            try:
                self.refresh_token = self.browser.refresh(self.refresh_token)["refresh_token"]
            except FlowError:
                self.refresh_token = None
                raise
        self.timed("refresh", flow)


class ClientCredentialsUser(Scenario):
    fixed_count = int(os.environ.get("CC_USERS", "0"))

    def on_start(self):
        self.service = PaymentService(self.client, REALM_URL, TARGET["payment_secret"])

    @task
    def client_credentials(self):
        self.timed("client credentials", lambda: self.service.client_credentials())


class PaymentUser(Scenario):
    """One payer's phone per Keycloak user; TOTP codes are single-use, so each virtual user rotates several payers."""
    fixed_count = int(os.environ.get("PAYMENT_USERS", "0"))

    def on_start(self):
        self.payers = itertools.cycle([(u, self.new_browser()) for u in take_users(6)])
        self.service = PaymentService(self.client, REALM_URL, TARGET["payment_secret"])
        self.amount = itertools.count(100)

    @task
    def payment(self):
        payer, browser = next(self.payers)
        if not self.has_codes(payer, 2):
            gevent.sleep(1)
            return

        def flow():
            transaction_id = self.service.register(payer["id"], f"{next(self.amount) % 900 + 100}.00")
            browser.new_sign_in()
            pkce = Pkce()
            details = json.dumps([{"type": "payment_initiation", "identifier": transaction_id}])
            page = browser.login(payer, CODES, pkce, extra={"acr_values": "transaction",
                                                            "authorization_details": details}, prefix="payment")
            browser.keep_device()
            page = browser.submit(page, CONFIRM_FORM, {"otp": browser.code_for(payer, CODES)},
                                  "payment: POST confirm (TOTP)")
            browser.exchange(page, pkce, name="payment: code exchange")
            self.service.consume(transaction_id)
        self.timed("payment", flow)

    @staticmethod
    def has_codes(payer, n):
        step = int(time.time()) // 30
        spent = CODES.spent.get(payer["otp_secret"], set())
        return len({step - 1, step, step + 1} - spent) >= n
