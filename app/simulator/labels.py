"""Every visible text of the simulated Web Config, in English and Italian.

Where Epson's guide (seed/) or the facts give a wording, it is used verbatim: those words are
what the driver is built to match. The rest are plausible guesses, kept in this one table so
the driver's label table can be checked against them. State phrases include the negative ones
that contain a positive one ("Not signed in", "Accesso non effettuato"): the traps are real.
"""

from __future__ import annotations

LANGUAGES = ("en", "it")
LANGUAGE_NUMBERS = {"1": "en", "3": "it"}
"""Epson's language numbers (facts: 1 English, 3 Italian) for the languages simulated."""

_TEXTS: dict[str, tuple[str, str]] = {
    # menu
    "status": ("Status", "Stato"),
    "product_status": ("Product Status", "Stato prodotto"),
    "network_status": ("Network Status", "Stato rete"),
    "maintenance": ("Maintenance", "Manutenzione"),
    "hardware_status": ("Hardware Status", "Stato hardware"),
    "print": ("Print", "Stampa"),
    "scan_copy": ("Scan/Copy", "Scansione/Copia"),
    "network": ("Network", "Rete"),
    "basic": ("Basic", "Di base"),
    "wifi": ("Wi-Fi", "Wi-Fi"),
    "wired_lan": ("Wired LAN", "LAN cablata"),
    "email_server": ("Email Server", "Server e-mail"),
    "connection_test": ("Connection Test", "Test di connessione"),
    "ldap_server": ("LDAP Server", "Server LDAP"),
    "search_settings": ("Search Settings", "Impostazioni di ricerca"),
    "network_security": ("Network Security", "Sicurezza rete"),
    "ssl_tls": ("SSL/TLS", "SSL/TLS"),
    "certificate": ("Certificate", "Certificato"),
    "fax": ("Fax", "Fax"),
    "fax_server": ("Fax Server", "Server fax"),
    "fax_email": ("Email Server Settings", "Impostazioni server e-mail"),
    "device_management": ("Device Management", "Gestione dispositivo"),
    "web_config": ("Web Config", "Web Config"),
    # header and login
    "log_in": ("Log in", "Accedi"),
    "log_out": ("Log out", "Esci"),
    "admin_login": ("Administrator Login", "Accesso amministratore"),
    "user_name": ("User Name", "Nome utente"),
    "password": ("Current password", "Password attuale"),
    "admin_password": ("Administrator password", "Password di amministratore"),
    "wrong_password": ("Incorrect user name or password.", "Password errata."),
    "locked_out": ("Try again later.", "Riprovare più tardi."),
    "logged_in": ("You are logged in as administrator.", "Accesso come amministratore."),
    # status pages
    "product_name": ("Product Name", "Nome prodotto"),
    "serial_number": ("Serial Number", "Numero di serie"),
    "firmware": ("Firmware Version", "Versione firmware"),
    "mac_address": ("MAC Address", "Indirizzo MAC"),
    "device_name": ("Device Name", "Nome dispositivo"),
    "ip_address": ("IP Address", "Indirizzo IP"),
    "subnet_mask": ("Subnet Mask", "Subnet mask"),
    "gateway": ("Default Gateway", "Gateway predefinito"),
    "dns_server": ("DNS Server", "Server DNS"),
    "interface": ("Network Interface", "Interfaccia di rete"),
    "standard_network": ("Standard Network", "Rete standard"),
    "additional_network": ("Additional Network", "Rete aggiuntiva"),
    "connection": ("Connection Status", "Stato connessione"),
    "connected": ("Connected", "Connesso"),
    "total_pages": ("Total Number of Pages", "Numero totale di pagine"),
    "ready": ("Available.", "Disponibile."),
    # Email Server > Basic
    "auth_method": ("Authentication Method", "Metodo autenticazione"),
    "email_service": ("Email Service", "Servizio e-mail"),
    "account": ("Authenticated Account", "Account autenticato"),
    "auth_password": ("Authenticated Password", "Password autenticata"),
    "sender": ("Sender's Email Address", "Indirizzo e-mail mittente"),
    "smtp_server": ("SMTP Server Address", "Indirizzo server SMTP"),
    "smtp_port": ("SMTP Server Port Number", "Numero porta server SMTP"),
    "security": ("Secure Connection", "Connessione protetta"),
    "cert_validation": ("Certificate Validation", "Convalida certificato"),
    "pop3_server": ("POP3 Server Address", "Indirizzo server POP3"),
    "pop3_port": ("POP3 Server Port Number", "Numero porta server POP3"),
    "oauth_heading": ("OAuth 2.0 Authentication", "Autenticazione OAuth 2.0"),
    "current_status": ("Current Status", "Stato corrente"),
    "signed_in_account": ("Account", "Account"),
    "sign_in": ("Sign In", "Accedi"),
    "sign_in_microsoft": ("Sign in with Microsoft", "Accedi con Microsoft"),
    "ok": ("OK", "OK"),
    "back": ("Back", "Indietro"),
    "start": ("Start", "Avvia"),
    # options
    "off": ("Off", "Disattiva"),
    "pop_before_smtp": ("POP before SMTP", "POP prima di SMTP"),
    "none": ("None", "Nessuna"),
    "enable": ("Enable", "Abilita"),
    # sign-in states
    "state_pending": ("Waiting for sign-in", "In attesa di accesso"),
    "state_signed_in": ("Signed in", "Accesso effettuato"),
    "state_not_signed_in": ("Not signed in", "Accesso non effettuato"),
    "state_declined": ("Sign-in declined", "Accesso rifiutato"),
    "state_blocked": ("Sign-in blocked", "Accesso bloccato"),
    "state_expired": ("Expired", "Scaduto"),
    "state_error": ("Sign-in error", "Errore di accesso"),
    # the code page
    "code_intro": (
        "Open the following URL in a browser and enter the code to sign in.",
        "Aprire l'URL seguente in un browser e immettere il codice per accedere.",
    ),
    "url": ("URL", "URL"),
    "code": ("Code", "Codice"),
    "expires": ("Expires in", "Scade tra"),
    "minutes": ("{n} minutes", "{n} minuti"),
    "signin_intro": (
        "Sign in to the email service with your Microsoft account.",
        "Accedere al servizio e-mail con l'account Microsoft.",
    ),
    # answers
    "setup_complete": ("Setup complete.", "Impostazione completata."),
    "error": ("Error", "Errore"),
    "invalid_input": (
        "Invalid input. Check the following item: {item}",
        "Immissione non valida. Controllare la voce seguente: {item}",
    ),
    "stale_token": (
        "The page has expired or the settings were changed on another screen. "
        "Reload the page and try again.",
        "La pagina è scaduta o le impostazioni sono state modificate da un'altra "
        "schermata. Ricaricare la pagina e riprovare.",
    ),
    "setup_failed": (
        "Setup failed. The settings were not applied.",
        "Impostazione non riuscita. Le impostazioni non sono state applicate.",
    ),
    "select_oauth2": (
        "Select OAuth2 for Authentication Method.",
        "Selezionare OAuth2 per Metodo autenticazione.",
    ),
    "identity_unreachable": (
        "Could not connect to the authentication server. Check the network settings.",
        "Impossibile connettersi al server di autenticazione. Controllare le impostazioni di rete.",
    ),
    "additional_no_oauth": (
        "OAuth2 is not available on the additional network. Use the standard network.",
        "OAuth2 non è disponibile sulla rete aggiuntiva. Utilizzare la rete standard.",
    ),
    "request_too_large": ("The request is too large.", "La richiesta è troppo grande."),
    "not_found": ("The page was not found.", "Pagina non trovata."),
    "internal_error": ("Internal Server Error", "Errore interno del server"),
    # connection test results (Epson manuals' messages)
    "test_ok": ("Connection test was successful.", "Test di connessione riuscito."),
    "test_smtp_comm": (
        "SMTP server communication error. Check the following. - Network Settings",
        "Errore di comunicazione con il server SMTP. Controllare quanto segue. "
        "- Impostazioni di rete",
    ),
    "test_smtp_auth": (
        "SMTP server authentication error. Check the following. - Authentication Method "
        "- Authenticated Account - Authenticated Password",
        "Errore di autenticazione del server SMTP. Controllare quanto segue. - Metodo "
        "autenticazione - Account autenticato - Password autenticata",
    ),
    "test_secure": (
        "Secure connection (SSL/STARTTLS) error. Check the Secure Connection setting.",
        "Errore di connessione protetta (SSL/STARTTLS). Controllare l'impostazione "
        "Connessione protetta.",
    ),
    "test_pop3_comm": (
        "POP3 server communication error. Check the following. - Network Settings",
        "Errore di comunicazione con il server POP3. Controllare quanto segue. "
        "- Impostazioni di rete",
    ),
    "test_sign_in": (
        "To use this feature, you must sign in to the email service. Contact your administrator.",
        "Per utilizzare questa funzione, è necessario accedere al servizio email. "
        "Contattare l'amministratore.",
    ),
    "test_result": ("Result", "Risultato"),
}


def text(key: str, language: str, **values: object) -> str:
    """The text called `key` in `language` ("en" or "it"), with `{placeholders}` filled."""
    english, italian = _TEXTS[key]
    chosen = italian if language == "it" else english
    return chosen.format(**values) if values else chosen


STATE_KEYS = {
    "pending": "state_pending",
    "signed_in": "state_signed_in",
    "not_signed_in": "state_not_signed_in",
    "declined": "state_declined",
    "blocked": "state_blocked",
    "expired": "state_expired",
    "error": "state_error",
}
"""Sign-in state (language-neutral) → the phrase the state line shows."""
