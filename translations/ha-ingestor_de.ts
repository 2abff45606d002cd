<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ConnectionCheckText</name>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1 wird hergestellt…</translation>
    </message>
    <message>
        <source>That is not a Home Assistant address. Use http://host:8123 or ws://host:8123/api/websocket.</source>
        <translation>Das ist keine Home-Assistant-Adresse. Verwenden Sie http://host:8123 oder ws://host:8123/api/websocket.</translation>
    </message>
    <message>
        <source>That is not an InfluxDB address. Use http://host:8086 (or https://).</source>
        <translation>Das ist keine InfluxDB-Adresse. Verwenden Sie http://host:8086 (oder https://).</translation>
    </message>
    <message>
        <source>influxd is not installed: sudo apt-get install influxdb</source>
        <translation>influxd ist nicht installiert: sudo apt-get install influxdb</translation>
    </message>
    <message>
        <source>Connected to Home Assistant in %1 ms</source>
        <translation>In %1 ms mit Home Assistant verbunden</translation>
    </message>
    <message>
        <source>Connected to Home Assistant %1 in %2 ms</source>
        <translation>In %2 ms mit Home Assistant %1 verbunden</translation>
    </message>
    <message>
        <source>The host name %1 was not found. Check the spelling, or use the IP address.</source>
        <translation>Der Hostname %1 wurde nicht gefunden. Prüfen Sie die Schreibweise, oder verwenden Sie die IP-Adresse.</translation>
    </message>
    <message>
        <source>Nothing answers at %1. Is Home Assistant running, and is the port right?</source>
        <translation>Unter %1 antwortet nichts. Läuft Home Assistant, und stimmt der Port?</translation>
    </message>
    <message>
        <source>The TLS handshake with %1 failed: %2. Check that the address should use https:// and that the certificate is valid for this host name.</source>
        <translation>Der TLS-Handshake mit %1 ist fehlgeschlagen: %2. Prüfen Sie, ob die Adresse wirklich https:// verwenden soll und ob das Zertifikat für diesen Hostnamen gültig ist.</translation>
    </message>
    <message>
        <source>No answer from %1 within %2 s. Is the address right, or is a firewall in the way?</source>
        <translation>Keine Antwort von %1 innerhalb von %2 s. Stimmt die Adresse, oder ist eine Firewall im Weg?</translation>
    </message>
    <message>
        <source>Enter a token first: create a long-lived access token in your HA profile.</source>
        <translation>Geben Sie zuerst ein Token ein: Erstellen Sie in Ihrem HA-Profil ein langlebiges Zugriffstoken.</translation>
    </message>
    <message>
        <source>Home Assistant refused the token. Create a long-lived access token in your HA profile.</source>
        <translation>Home Assistant hat das Token abgelehnt. Erstellen Sie in Ihrem HA-Profil ein langlebiges Zugriffstoken.</translation>
    </message>
    <message>
        <source>%1 answers, but not with Home Assistant&apos;s WebSocket API. Check the port (usually 8123) and the path.</source>
        <translation>%1 antwortet, aber nicht mit der WebSocket-API von Home Assistant. Prüfen Sie den Port (meist 8123) und den Pfad.</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>Home Assistant did not answer as expected: %1</source>
        <translation>Home Assistant hat nicht wie erwartet geantwortet: %1</translation>
    </message>
    <message>
        <source>Wrote a test point to InfluxDB in %1 ms</source>
        <translation>Testpunkt in %1 ms in InfluxDB geschrieben</translation>
    </message>
    <message>
        <source>Wrote a test point to InfluxDB %1 in %2 ms</source>
        <translation>Testpunkt in %2 ms in InfluxDB %1 geschrieben</translation>
    </message>
    <message>
        <source>Nothing answers at %1. Is InfluxDB running, and is the port right?</source>
        <translation>Unter %1 antwortet nichts. Läuft InfluxDB, und stimmt der Port?</translation>
    </message>
    <message>
        <source>The token may not write to the bucket “%1” (HTTP 403).</source>
        <translation>Das Token darf nicht in den Bucket „%1“ schreiben (HTTP 403).</translation>
    </message>
    <message>
        <source>The user may not write to the database “%1” (HTTP 403).</source>
        <translation>Der Benutzer darf nicht in die Datenbank „%1“ schreiben (HTTP 403).</translation>
    </message>
    <message>
        <source>InfluxDB refused the token (HTTP 401). Use an API token with write access to the bucket.</source>
        <translation>InfluxDB hat das Token abgelehnt (HTTP 401). Verwenden Sie ein API-Token mit Schreibrechten für den Bucket.</translation>
    </message>
    <message>
        <source>InfluxDB wants a user name and password (HTTP 401).</source>
        <translation>InfluxDB verlangt Benutzername und Passwort (HTTP 401).</translation>
    </message>
    <message>
        <source>InfluxDB refused the user name or password (HTTP 401).</source>
        <translation>InfluxDB hat Benutzername oder Passwort abgelehnt (HTTP 401).</translation>
    </message>
    <message>
        <source>InfluxDB has no bucket “%1” in the organisation “%2” (HTTP 404), or it is a 1.x server: then choose API version 1.</source>
        <translation>InfluxDB hat keinen Bucket „%1“ in der Organisation „%2“ (HTTP 404), oder es ist ein 1.x-Server: Wählen Sie dann API-Version 1.</translation>
    </message>
    <message>
        <source>InfluxDB has no database “%1” (HTTP 404).</source>
        <translation>InfluxDB hat keine Datenbank „%1“ (HTTP 404).</translation>
    </message>
    <message>
        <source>InfluxDB refused the test point (HTTP %1): %2</source>
        <translation>InfluxDB hat den Testpunkt abgelehnt (HTTP %1): %2</translation>
    </message>
    <message>
        <source>InfluxDB did not answer as expected: %1</source>
        <translation>InfluxDB hat nicht wie erwartet geantwortet: %1</translation>
    </message>
</context>
<context>
    <name>ConnectionStatusText</name>
    <message>
        <source>Home Assistant refused the access token</source>
        <translation>Home Assistant hat das Zugriffstoken abgelehnt</translation>
    </message>
    <message>
        <source>Create a new long-lived access token in your Home Assistant profile (Security tab) and enter it in Settings → Home Assistant.</source>
        <translation>Erstellen Sie in Ihrem Home-Assistant-Profil (Reiter „Sicherheit“) ein neues langlebiges Zugriffstoken und tragen Sie es unter Einstellungen → Home Assistant ein.</translation>
    </message>
    <message>
        <source>Not connected to Home Assistant (stopped)</source>
        <translation>Nicht mit Home Assistant verbunden (gestoppt)</translation>
    </message>
    <message>
        <source>Connected to Home Assistant %1</source>
        <translation>Mit Home Assistant %1 verbunden</translation>
    </message>
    <message>
        <source>Connected to Home Assistant %1, catching up on missed states (%2 of %3)</source>
        <translation>Mit Home Assistant %1 verbunden, verpasste Zustände werden nachgeholt (%2 von %3)</translation>
    </message>
    <message>
        <source>Reading the Home Assistant registries…</source>
        <translation>Home-Assistant-Registries werden gelesen…</translation>
    </message>
    <message>
        <source>Connecting to Home Assistant…</source>
        <translation>Verbindung zu Home Assistant wird hergestellt…</translation>
    </message>
    <message>
        <source>No Home Assistant is configured</source>
        <translation>Kein Home Assistant konfiguriert</translation>
    </message>
    <message>
        <source>Enter your Home Assistant URL and token in Settings → Home Assistant, or try the demo home.</source>
        <translation>Tragen Sie URL und Token Ihres Home Assistant unter Einstellungen → Home Assistant ein, oder probieren Sie das Demo-Zuhause aus.</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <source>Cannot reach Home Assistant: %1</source>
        <translation>Home Assistant ist nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>Check that Home Assistant runs and that the URL %1 is right; the app keeps retrying.</source>
        <translation>Prüfen Sie, ob Home Assistant läuft und die URL %1 stimmt; die App versucht es weiter.</translation>
    </message>
</context>
<context>
    <name>HealthReport</name>
    <message numerus="yes">
        <source>(next try in %n s)</source>
        <translation>
            <numerusform>(nächster Versuch in %n s)</numerusform>
            <numerusform>(nächster Versuch in %n s)</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the registry database…</source>
        <translation>Registry-Datenbank wird gelesen…</translation>
    </message>
    <message>
        <source>Cannot read the registry database: %1</source>
        <translation>Die Registry-Datenbank kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Check that the disk is not full and that %1 is reachable (--registry-db).</source>
        <translation>Prüfen Sie, ob die Festplatte voll ist und %1 erreichbar ist (--registry-db).</translation>
    </message>
    <message>
        <source>Registry database %1 (%2, %3 MB)</source>
        <translation>Registry-Datenbank %1 (%2, %3 MB)</translation>
    </message>
    <message>
        <source>The REST API is not running</source>
        <translation>Die REST-API läuft nicht</translation>
    </message>
    <message>
        <source>Serving the REST API at %1</source>
        <translation>REST-API wird unter %1 bereitgestellt</translation>
    </message>
    <message>
        <source>Scripts and dashboards can read %1/api/v1/stats and the registry there.</source>
        <translation>Skripte und Dashboards können dort %1/api/v1/stats und die Registry lesen.</translation>
    </message>
    <message numerus="yes">
        <source>%n webhooks enabled</source>
        <translation>
            <numerusform>%n Webhook aktiviert</numerusform>
            <numerusform>%n Webhooks aktiviert</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 delivered, %2 queued</source>
        <translation>%1 zugestellt, %2 in der Warteschlange</translation>
    </message>
    <message numerus="yes">
        <source>%n delivery records could not be stored.</source>
        <translation>
            <numerusform>%n Zustellungseintrag konnte nicht gespeichert werden.</numerusform>
            <numerusform>%n Zustellungseinträge konnten nicht gespeichert werden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Look at the Webhooks page: %1</source>
        <translation>Siehe Seite „Webhooks“: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n deliveries failed after all attempts; the Webhooks page can send them again.</source>
        <translation>
            <numerusform>%n Zustellung ist nach allen Versuchen fehlgeschlagen; die Seite „Webhooks“ kann sie erneut senden.</numerusform>
            <numerusform>%n Zustellungen sind nach allen Versuchen fehlgeschlagen; die Seite „Webhooks“ kann sie erneut senden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Home Assistant</source>
        <translation>Home Assistant</translation>
    </message>
    <message>
        <source>InfluxDB</source>
        <translation>InfluxDB</translation>
    </message>
    <message>
        <source>Registry</source>
        <translation>Registry</translation>
    </message>
    <message>
        <source>REST API</source>
        <translation>REST-API</translation>
    </message>
    <message>
        <source>Webhooks</source>
        <translation>Webhooks</translation>
    </message>
    <message>
        <source>Home Assistant: not configured</source>
        <translation>Home Assistant: nicht konfiguriert</translation>
    </message>
    <message>
        <source>Home Assistant: token refused</source>
        <translation>Home Assistant: Token abgelehnt</translation>
    </message>
    <message>
        <source>Home Assistant %1 · live</source>
        <translation>Home Assistant %1 · live</translation>
    </message>
    <message>
        <source>Home Assistant %1 · catching up %2/%3</source>
        <translation>Home Assistant %1 · holt auf %2/%3</translation>
    </message>
    <message>
        <source>Home Assistant: reading registries…</source>
        <translation>Home Assistant: Registries werden gelesen…</translation>
    </message>
    <message>
        <source>Home Assistant: connecting…</source>
        <translation>Home Assistant: verbinde…</translation>
    </message>
    <message>
        <source>Home Assistant: stopped</source>
        <translation>Home Assistant: gestoppt</translation>
    </message>
    <message numerus="yes">
        <source>Home Assistant: offline, retry in %n s</source>
        <translation>
            <numerusform>Home Assistant: offline, neuer Versuch in %n s</numerusform>
            <numerusform>Home Assistant: offline, neuer Versuch in %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Home Assistant: offline</source>
        <translation>Home Assistant: offline</translation>
    </message>
    <message>
        <source>%1 events/s</source>
        <translation>%1 Ereignisse/s</translation>
    </message>
    <message>
        <source>REST API: off</source>
        <translation>REST-API: aus</translation>
    </message>
    <message>
        <source>REST API %1</source>
        <translation>REST-API %1</translation>
    </message>
    <message>
        <source>HA Ingestor</source>
        <translation>HA Ingestor</translation>
    </message>
</context>
<context>
    <name>InfluxStatusText</name>
    <message>
        <source>InfluxDB said: %1</source>
        <translation>InfluxDB meldet: %1</translation>
    </message>
    <message>
        <source>%1 points wait in the spool and are written once InfluxDB accepts them.</source>
        <translation>%1 Punkte warten im Spool und werden geschrieben, sobald InfluxDB sie annimmt.</translation>
    </message>
    <message>
        <source>No InfluxDB is configured: points are kept in the spool</source>
        <translation>Keine InfluxDB konfiguriert: Punkte werden im Spool gehalten</translation>
    </message>
    <message>
        <source>Enter your InfluxDB in Settings → InfluxDB, or let the app start a local one. %1</source>
        <translation>Tragen Sie Ihre InfluxDB unter Einstellungen → InfluxDB ein, oder lassen Sie die App eine lokale starten. %1</translation>
    </message>
    <message>
        <source>The InfluxDB writer is stopped</source>
        <translation>Der InfluxDB-Schreiber ist gestoppt</translation>
    </message>
    <message>
        <source>Connecting to InfluxDB at %1…</source>
        <translation>Verbindung zu InfluxDB unter %1 wird hergestellt…</translation>
    </message>
    <message>
        <source>Writing %1 spooled points.</source>
        <translation>%1 Punkte aus dem Spool werden geschrieben.</translation>
    </message>
    <message>
        <source>%1 points were refused as bad data and kept in the dead-letter file in the data folder.</source>
        <translation>%1 Punkte wurden als fehlerhafte Daten abgewiesen und in der Dead-Letter-Datei im Datenordner abgelegt.</translation>
    </message>
    <message>
        <source>Writing to InfluxDB at %1 (%2)</source>
        <translation>Schreibe in InfluxDB unter %1 (%2)</translation>
    </message>
    <message>
        <source>InfluxDB denies writing to %1 (403)</source>
        <translation>InfluxDB verweigert das Schreiben in %1 (403)</translation>
    </message>
    <message>
        <source>Give the token write access to it, or choose another one in Settings → InfluxDB. %1</source>
        <translation>Geben Sie dem Token Schreibrechte dafür, oder wählen Sie unter Einstellungen → InfluxDB ein anderes. %1</translation>
    </message>
    <message>
        <source>InfluxDB refused the token (401)</source>
        <translation>InfluxDB hat das Token abgelehnt (401)</translation>
    </message>
    <message>
        <source>Check the token in Settings → InfluxDB. %1</source>
        <translation>Prüfen Sie das Token unter Einstellungen → InfluxDB. %1</translation>
    </message>
    <message>
        <source>InfluxDB refused the username or password (401)</source>
        <translation>InfluxDB hat Benutzername oder Passwort abgelehnt (401)</translation>
    </message>
    <message>
        <source>Check the username and password in Settings → InfluxDB. %1</source>
        <translation>Prüfen Sie Benutzername und Passwort unter Einstellungen → InfluxDB. %1</translation>
    </message>
    <message>
        <source>InfluxDB has no %1 (404)</source>
        <translation>InfluxDB kennt %1 nicht (404)</translation>
    </message>
    <message>
        <source>Check the URL and the names in Settings → InfluxDB. %1</source>
        <translation>Prüfen Sie die URL und die Namen unter Einstellungen → InfluxDB. %1</translation>
    </message>
    <message>
        <source>InfluxDB at %1 does not answer in time</source>
        <translation>InfluxDB unter %1 antwortet nicht rechtzeitig</translation>
    </message>
    <message>
        <source>It may be overloaded; the app keeps retrying. %1</source>
        <translation>Sie ist möglicherweise überlastet; die App versucht es weiter. %1</translation>
    </message>
    <message>
        <source>InfluxDB reports a server error</source>
        <translation>InfluxDB meldet einen Serverfehler</translation>
    </message>
    <message>
        <source>Look at the InfluxDB server&apos;s log; the app keeps retrying. %1</source>
        <translation>Sehen Sie im Protokoll des InfluxDB-Servers nach; die App versucht es weiter. %1</translation>
    </message>
    <message>
        <source>InfluxDB asks the app to slow down</source>
        <translation>InfluxDB bittet die App, langsamer zu schreiben</translation>
    </message>
    <message>
        <source>The app waits as asked, then goes on. %1</source>
        <translation>Die App wartet wie verlangt und macht dann weiter. %1</translation>
    </message>
    <message>
        <source>Cannot reach InfluxDB at %1</source>
        <translation>InfluxDB unter %1 ist nicht erreichbar</translation>
    </message>
    <message>
        <source>Check that InfluxDB runs and that the URL in Settings → InfluxDB is right; the app keeps retrying. %1</source>
        <translation>Prüfen Sie, ob InfluxDB läuft und die URL unter Einstellungen → InfluxDB stimmt; die App versucht es weiter. %1</translation>
    </message>
    <message>
        <source>InfluxDB: replaying %1 points</source>
        <translation>InfluxDB: %1 Punkte werden nachgeschrieben</translation>
    </message>
    <message>
        <source>InfluxDB OK</source>
        <translation>InfluxDB OK</translation>
    </message>
    <message>
        <source>InfluxDB: connecting…</source>
        <translation>InfluxDB: verbinde…</translation>
    </message>
    <message>
        <source>InfluxDB: stopped</source>
        <translation>InfluxDB: gestoppt</translation>
    </message>
    <message>
        <source>InfluxDB: spooling %1 points</source>
        <translation>InfluxDB: %1 Punkte im Spool</translation>
    </message>
    <message>
        <source>InfluxDB: not configured</source>
        <translation>InfluxDB: nicht konfiguriert</translation>
    </message>
    <message>
        <source>InfluxDB: error</source>
        <translation>InfluxDB: Fehler</translation>
    </message>
</context>
<context>
    <name>SettingsText</name>
    <message>
        <source>Tokens and passwords are kept in the system keychain.</source>
        <translation>Tokens und Passwörter werden im Schlüsselbund des Systems aufbewahrt.</translation>
    </message>
    <message>
        <source>No system keychain is available, so tokens and passwords are kept in %1, readable only by you.</source>
        <translation>Es ist kein Schlüsselbund des Systems verfügbar, daher werden Tokens und Passwörter in %1 aufbewahrt, nur für Sie lesbar.</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>nicht gesetzt</translation>
    </message>
    <message>
        <source>•••••••• (set, hidden here)</source>
        <translation>•••••••• (gesetzt, hier verborgen)</translation>
    </message>
    <message>
        <source>Values given on the command line or in the environment override this file, so a change here may seem not to apply while they are set.</source>
        <translation>Werte von der Kommandozeile oder aus der Umgebung haben Vorrang vor dieser Datei; solange sie gesetzt sind, scheint eine Änderung hier womöglich nicht zu wirken.</translation>
    </message>
    <message>
        <source>Given on the command line or in the environment, which win over this file: %1. Changes to these options here take effect only once they are no longer given there.</source>
        <translation>Auf der Kommandozeile oder in der Umgebung angegeben, die Vorrang vor dieser Datei haben: %1. Änderungen an diesen Optionen hier wirken erst, wenn sie dort nicht mehr angegeben sind.</translation>
    </message>
</context>
<context>
    <name>WebhookText</name>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Zugestellt</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>HTTP %1 in %2 ms</source>
        <translation>HTTP %1 in %2 ms</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Failed after %1 ms: %2</source>
        <translation>Fehlgeschlagen nach %1 ms: %2</translation>
    </message>
    <message>
        <source>The webhook is not valid: %1</source>
        <translation>Der Webhook ist ungültig: %1</translation>
    </message>
    <message>
        <source>It no longer exists; it may have been deleted elsewhere.</source>
        <translation>Er existiert nicht mehr; vielleicht wurde er anderswo gelöscht.</translation>
    </message>
    <message>
        <source>This delivery is still queued; it will be sent.</source>
        <translation>Diese Zustellung steht noch in der Warteschlange; sie wird gesendet.</translation>
    </message>
    <message>
        <source>Webhook delivery is not running.</source>
        <translation>Die Webhook-Zustellung läuft nicht.</translation>
    </message>
    <message>
        <source>The receiver did not answer in time.</source>
        <translation>Der Empfänger hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The database refused: %1</source>
        <translation>Die Datenbank hat abgelehnt: %1</translation>
    </message>
</context>
<context>
    <name>hai::ChartsPage</name>
    <message>
        <source>1 h</source>
        <translation>1 h</translation>
    </message>
    <message>
        <source>24 h</source>
        <translation>24 h</translation>
    </message>
    <message>
        <source>7 d</source>
        <translation>7 T</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Benutzerdefiniert</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>The range ends before it starts.</source>
        <translation>Der Zeitraum endet, bevor er beginnt.</translation>
    </message>
    <message>
        <source>no InfluxDB is configured yet; points wait in the spool. Give --influx-url, or let the app start a local InfluxDB (--influx-managed).</source>
        <translation>Es ist noch keine InfluxDB konfiguriert; Punkte warten im Spool. Geben Sie --influx-url an, oder lassen Sie die App eine lokale InfluxDB starten (--influx-managed).</translation>
    </message>
    <message>
        <source>InfluxDB has no numeric values for %1 in this range.</source>
        <translation>InfluxDB hat in diesem Zeitraum keine numerischen Werte für %1.</translation>
    </message>
    <message>
        <source>Cannot show the history of %1: %2</source>
        <translation>Der Verlauf von %1 kann nicht angezeigt werden: %2</translation>
    </message>
    <message>
        <source>Search, e.g. temperature</source>
        <translation>Suchen, z. B. temperature</translation>
    </message>
    <message>
        <source>&amp;Entities:</source>
        <translation>&amp;Entitäten:</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>Hin&amp;zufügen</translation>
    </message>
    <message>
        <source>Add the entity to the chart (Enter in the field does the same)</source>
        <translation>Die Entität zum Diagramm hinzufügen (die Eingabetaste im Feld tut dasselbe)</translation>
    </message>
</context>
<context>
    <name>hai::DeliveryLogDialog</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Load &amp;more</source>
        <translation>&amp;Mehr laden</translation>
    </message>
    <message>
        <source>Re&amp;deliver</source>
        <translation>&amp;Erneut zustellen</translation>
    </message>
    <message>
        <source>Delivery Log – %1</source>
        <translation>Zustellprotokoll – %1</translation>
    </message>
    <message>
        <source>All deliveries</source>
        <translation>Alle Zustellungen</translation>
    </message>
    <message>
        <source>Send the selected delivery again, with the same body and delivery id</source>
        <translation>Die ausgewählte Zustellung erneut senden, mit demselben Inhalt und derselben Zustellungs-ID</translation>
    </message>
    <message>
        <source>Deliveries to %1, newest first</source>
        <translation>Zustellungen an %1, neueste zuerst</translation>
    </message>
    <message>
        <source>Could not read the log. %1</source>
        <translation>Das Protokoll konnte nicht gelesen werden. %1</translation>
    </message>
    <message>
        <source>No deliveries.</source>
        <translation>Keine Zustellungen.</translation>
    </message>
    <message numerus="yes">
        <source>Showing %1 of %n deliveries.</source>
        <translation>
            <numerusform>%1 von %n Zustellung angezeigt.</numerusform>
            <numerusform>%1 von %n Zustellungen angezeigt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Queueing again…</source>
        <translation>Wird erneut eingereiht…</translation>
    </message>
    <message>
        <source>Queued again; it is sent after what is already queued for this webhook.</source>
        <translation>Erneut eingereiht; sie wird nach allem gesendet, was für diesen Webhook bereits wartet.</translation>
    </message>
</context>
<context>
    <name>hai::DeliveryLogModel</name>
    <message>
        <source>Delivery %1</source>
        <translation>Zustellung %1</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>delivered %1</source>
        <translation>zugestellt %1</translation>
    </message>
    <message>
        <source>next attempt %1</source>
        <translation>nächster Versuch %1</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Last status</source>
        <translation>Letzter Status</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <source>Delivered / next</source>
        <translation>Zugestellt / nächster</translation>
    </message>
</context>
<context>
    <name>hai::DeviceDetailPane</name>
    <message>
        <source>Open chart</source>
        <translation>Diagramm öffnen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Manufacturer</source>
        <translation>Hersteller</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Model ID</source>
        <translation>Modell-ID</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Floor</source>
        <translation>Etage</translation>
    </message>
    <message>
        <source>Integration</source>
        <translation>Integration</translation>
    </message>
    <message>
        <source>Config entry</source>
        <translation>Konfigurationseintrag</translation>
    </message>
    <message>
        <source>Software</source>
        <translation>Software</translation>
    </message>
    <message>
        <source>Hardware</source>
        <translation>Hardware</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Seriennummer</translation>
    </message>
    <message>
        <source>Connected via</source>
        <translation>Verbunden über</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Disabled by</source>
        <translation>Deaktiviert durch</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <source>Entities</source>
        <translation>Entitäten</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Zuletzt gesehen</translation>
    </message>
    <message>
        <source>Device ID</source>
        <translation>Geräte-ID</translation>
    </message>
    <message>
        <source>Select a device to see its details.</source>
        <translation>Wählen Sie ein Gerät aus, um seine Details zu sehen.</translation>
    </message>
    <message>
        <source>This device was removed from Home Assistant.</source>
        <translation>Dieses Gerät wurde aus Home Assistant entfernt.</translation>
    </message>
    <message>
        <source>%1 (named &quot;%2&quot; by the integration)</source>
        <translation>%1 (von der Integration „%2“ genannt)</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
</context>
<context>
    <name>hai::DeviceTableModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Manufacturer</source>
        <translation>Hersteller</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Integration</source>
        <translation>Integration</translation>
    </message>
    <message>
        <source>Entities</source>
        <translation>Entitäten</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Zuletzt gesehen</translation>
    </message>
</context>
<context>
    <name>hai::DeviceTreeModel</name>
    <message>
        <source>No floor</source>
        <translation>Keine Etage</translation>
    </message>
    <message>
        <source>No area</source>
        <translation>Kein Bereich</translation>
    </message>
    <message>
        <source>No integration</source>
        <translation>Keine Integration</translation>
    </message>
    <message>
        <source>Unknown manufacturer</source>
        <translation>Unbekannter Hersteller</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>hai::DevicesPage</name>
    <message>
        <source>Floors and areas</source>
        <translation>Etagen und Bereiche</translation>
    </message>
    <message>
        <source>Integrations</source>
        <translation>Integrationen</translation>
    </message>
    <message>
        <source>Manufacturers</source>
        <translation>Hersteller</translation>
    </message>
    <message>
        <source>How the tree groups the devices</source>
        <translation>Wie der Baum die Geräte gruppiert</translation>
    </message>
    <message>
        <source>All devices</source>
        <translation>Alle Geräte</translation>
    </message>
    <message>
        <source>Show every device in the table</source>
        <translation>Alle Geräte in der Tabelle anzeigen</translation>
    </message>
    <message>
        <source>Search devices by name, maker, model, area…</source>
        <translation>Geräte nach Name, Hersteller, Modell, Bereich… suchen</translation>
    </message>
    <message>
        <source>The registry is not available yet.</source>
        <translation>Die Registry ist noch nicht verfügbar.</translation>
    </message>
    <message>
        <source>Cannot read the registry: %1</source>
        <translation>Die Registry kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Loading… %1 devices</source>
        <translation>Lade… %1 Geräte</translation>
    </message>
    <message>
        <source>%1 of %2 devices</source>
        <translation>%1 von %2 Geräten</translation>
    </message>
</context>
<context>
    <name>hai::EntitiesPage</name>
    <message>
        <source>Search entities by ID, name or device…</source>
        <translation>Entitäten nach ID, Name oder Gerät suchen…</translation>
    </message>
    <message>
        <source>Show one domain only</source>
        <translation>Nur eine Domäne anzeigen</translation>
    </message>
    <message>
        <source>Show one area only (an entity&apos;s own, else its device&apos;s)</source>
        <translation>Nur einen Bereich anzeigen (den der Entität, sonst den ihres Geräts)</translation>
    </message>
    <message>
        <source>Show one integration only</source>
        <translation>Nur eine Integration anzeigen</translation>
    </message>
    <message>
        <source>Show entities in this state only; type any state</source>
        <translation>Nur Entitäten in diesem Zustand anzeigen; beliebiger Zustand eingebbar</translation>
    </message>
    <message>
        <source>Any state</source>
        <translation>Beliebiger Zustand</translation>
    </message>
    <message>
        <source>All domains</source>
        <translation>Alle Domänen</translation>
    </message>
    <message>
        <source>All areas</source>
        <translation>Alle Bereiche</translation>
    </message>
    <message>
        <source>All integrations</source>
        <translation>Alle Integrationen</translation>
    </message>
    <message>
        <source>No area</source>
        <translation>Kein Bereich</translation>
    </message>
    <message>
        <source>The registry is not available yet.</source>
        <translation>Die Registry ist noch nicht verfügbar.</translation>
    </message>
    <message>
        <source>Cannot read the registry: %1</source>
        <translation>Die Registry kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Loading… %1 entities</source>
        <translation>Lade… %1 Entitäten</translation>
    </message>
    <message>
        <source>%1 of %2 entities</source>
        <translation>%1 von %2 Entitäten</translation>
    </message>
</context>
<context>
    <name>hai::EntityChips</name>
    <message>
        <source>Remove %1 from the chart</source>
        <translation>%1 aus dem Diagramm entfernen</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message>
        <source>No entity picked: type a part of its ID above and press Enter.</source>
        <translation>Keine Entität gewählt: oben einen Teil ihrer ID eingeben und Enter drücken.</translation>
    </message>
    <message numerus="yes">
        <source>A chart shows at most %n entities: remove one to add another.</source>
        <translation>
            <numerusform>Ein Diagramm zeigt höchstens %n Entität: entfernen Sie eine, um eine weitere hinzuzufügen.</numerusform>
            <numerusform>Ein Diagramm zeigt höchstens %n Entitäten: entfernen Sie eine, um eine weitere hinzuzufügen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hai::EntityTableModel</name>
    <message>
        <source>Entity ID</source>
        <translation>Entitäts-ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Domäne</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>Zuletzt geändert</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
</context>
<context>
    <name>hai::GeneralForm</name>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>English</source>
        <extracomment>Language names are written in their own language.</extracomment>
        <translation>English</translation>
    </message>
    <message>
        <source>Deutsch</source>
        <extracomment>Language names are written in their own language.</extracomment>
        <translation>Deutsch</translation>
    </message>
    <message>
        <source>Debug: everything, for finding a problem</source>
        <translation>Debug: alles, zur Fehlersuche</translation>
    </message>
    <message>
        <source>Info (default)</source>
        <translation>Info (Standard)</translation>
    </message>
    <message>
        <source>Warning: only what went wrong or might</source>
        <translation>Warnung: nur, was schiefging oder schiefgehen könnte</translation>
    </message>
    <message>
        <source>Error: only what went wrong</source>
        <translation>Fehler: nur, was schiefging</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>After saving, the window reopens in the new language.</source>
        <translation>Nach dem Speichern öffnet sich das Fenster in der neuen Sprache neu.</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <source>Log level:</source>
        <translation>Protokollstufe:</translation>
    </message>
    <message>
        <source>Log le&amp;vel:</source>
        <translation>&amp;Protokollstufe:</translation>
    </message>
</context>
<context>
    <name>hai::HistoryChartView</name>
    <message>
        <source>%1 (%2)</source>
        <comment>entity (unit)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>value and unit</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>entity: value</comment>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>hai::HomeAssistantForm</name>
    <message>
        <source>A simulated home with devices, areas and live events, to look around without a Home Assistant.</source>
        <translation>Ein simuliertes Zuhause mit Geräten, Bereichen und Live-Ereignissen, um sich ohne Home Assistant umzusehen.</translation>
    </message>
    <message>
        <source>&amp;Connect to my Home Assistant</source>
        <translation>&amp;Mit meinem Home Assistant verbinden</translation>
    </message>
    <message>
        <source>Try the &amp;demo home</source>
        <translation>&amp;Demo-Zuhause ausprobieren</translation>
    </message>
    <message>
        <source>Use the &amp;demo home instead of a Home Assistant</source>
        <translation>Das &amp;Demo-Zuhause statt eines Home Assistant verwenden</translation>
    </message>
    <message>
        <source>http://homeassistant.local:8123</source>
        <translation>http://homeassistant.local:8123</translation>
    </message>
    <message>
        <source>long-lived access token</source>
        <translation>langlebiges Zugriffstoken</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Connects and logs in once with this URL and token</source>
        <translation>Verbindet sich einmal mit dieser URL und diesem Token und meldet sich an</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>To&amp;ken:</source>
        <translation>To&amp;ken:</translation>
    </message>
    <message>
        <source>Create one in Home Assistant: your profile → Security → Long-lived access tokens → Create token.</source>
        <translation>Erstellen Sie eines in Home Assistant: Ihr Profil → Sicherheit → Langlebige Zugriffstoken → Token erstellen.</translation>
    </message>
    <message>
        <source>Home Assistant:</source>
        <translation>Home Assistant:</translation>
    </message>
    <message>
        <source>the built-in demo home (simulated)</source>
        <translation>das eingebaute Demo-Zuhause (simuliert)</translation>
    </message>
    <message>
        <source>Token:</source>
        <translation>Token:</translation>
    </message>
</context>
<context>
    <name>hai::InfluxForm</name>
    <message>
        <source>&amp;Start a local InfluxDB for me</source>
        <translation>Eine lokale InfluxDB für mich &amp;starten</translation>
    </message>
    <message>
        <source>Connect to &amp;my InfluxDB</source>
        <translation>Mit &amp;meiner InfluxDB verbinden</translation>
    </message>
    <message>
        <source>No InfluxDB &amp;for now</source>
        <translation>&amp;Vorerst keine InfluxDB</translation>
    </message>
    <message>
        <source>Events are kept in the disk spool and written once an InfluxDB is set up here.</source>
        <translation>Ereignisse werden im Spool auf der Festplatte gehalten und geschrieben, sobald hier eine InfluxDB eingerichtet ist.</translation>
    </message>
    <message>
        <source>http://127.0.0.1:8086</source>
        <translation>http://127.0.0.1:8086</translation>
    </message>
    <message>
        <source>1.x: database, user and password</source>
        <translation>1.x: Datenbank, Benutzer und Passwort</translation>
    </message>
    <message>
        <source>2.x: organisation, bucket and token</source>
        <translation>2.x: Organisation, Bucket und Token</translation>
    </message>
    <message>
        <source>none when authentication is off</source>
        <translation>keiner, wenn die Authentifizierung aus ist</translation>
    </message>
    <message>
        <source>required</source>
        <translation>erforderlich</translation>
    </message>
    <message>
        <source>an API token with write access to the bucket</source>
        <translation>ein API-Token mit Schreibrechten für den Bucket</translation>
    </message>
    <message>
        <source>&amp;Test write</source>
        <translation>Schreiben &amp;testen</translation>
    </message>
    <message>
        <source>Writes one point (measurement ha_ingestor_setup_check) with these settings</source>
        <translation>Schreibt mit diesen Einstellungen einen Punkt (Measurement ha_ingestor_setup_check)</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>&amp;API version:</source>
        <translation>API-V&amp;ersion:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Datenbank:</translation>
    </message>
    <message>
        <source>Us&amp;er:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>&amp;Organisation:</source>
        <translation>&amp;Organisation:</translation>
    </message>
    <message>
        <source>Bu&amp;cket:</source>
        <translation>Bu&amp;cket:</translation>
    </message>
    <message>
        <source>To&amp;ken:</source>
        <translation>To&amp;ken:</translation>
    </message>
    <message>
        <source>The app runs influxd as its own child process, with its data in %1, reachable only from this computer.</source>
        <translation>Die App führt influxd als eigenen Kindprozess aus, mit den Daten in %1, nur von diesem Computer aus erreichbar.</translation>
    </message>
    <message>
        <source>Not available: %1</source>
        <translation>Nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>InfluxDB:</source>
        <translation>InfluxDB:</translation>
    </message>
    <message>
        <source>a local InfluxDB the app runs, data in %1</source>
        <translation>eine lokale InfluxDB, die die App ausführt, Daten in %1</translation>
    </message>
    <message>
        <source>none for now; events wait in the disk spool</source>
        <translation>vorerst keine; Ereignisse warten im Spool auf der Festplatte</translation>
    </message>
    <message>
        <source>%1, API 2, organisation “%2”, bucket “%3”</source>
        <translation>%1, API 2, Organisation „%2“, Bucket „%3“</translation>
    </message>
    <message>
        <source>InfluxDB token:</source>
        <translation>InfluxDB-Token:</translation>
    </message>
    <message>
        <source>%1, API 1, database “%2”, no user</source>
        <translation>%1, API 1, Datenbank „%2“, kein Benutzer</translation>
    </message>
    <message>
        <source>%1, API 1, database “%2”, user “%3”</source>
        <translation>%1, API 1, Datenbank „%2“, Benutzer „%3“</translation>
    </message>
    <message>
        <source>InfluxDB password:</source>
        <translation>InfluxDB-Passwort:</translation>
    </message>
</context>
<context>
    <name>hai::LiveRateChart</name>
    <message>
        <source>Events per second, last 5 minutes</source>
        <translation>Ereignisse pro Sekunde, letzte 5 Minuten</translation>
    </message>
    <message>
        <source>seconds ago</source>
        <translation>Sekunden zuvor</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
</context>
<context>
    <name>hai::LogModel</name>
    <message>
        <source>Debug</source>
        <translation>Debug</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Fatal</source>
        <translation>Schwerwiegend</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Thread</source>
        <translation>Thread</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
</context>
<context>
    <name>hai::LogPage</name>
    <message>
        <source>All levels</source>
        <translation>Alle Stufen</translation>
    </message>
    <message>
        <source>Info and above</source>
        <translation>Info und höher</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>Warnungen und Fehler</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>Nur Fehler</translation>
    </message>
    <message>
        <source>Show only messages of this level or worse</source>
        <translation>Nur Meldungen dieser Stufe oder schwerer anzeigen</translation>
    </message>
    <message>
        <source>Search messages, categories and threads (Ctrl+F)</source>
        <translation>Meldungen, Kategorien und Threads durchsuchen (Strg+F)</translation>
    </message>
    <message>
        <source>Copy diagnostics</source>
        <translation>Diagnose kopieren</translation>
    </message>
    <message>
        <source>Copy versions, settings (secrets masked) and counters to the clipboard, for a bug report</source>
        <translation>Versionen, Einstellungen (Geheimnisse maskiert) und Zähler für einen Fehlerbericht in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
</context>
<context>
    <name>hai::MainWindow</name>
    <message>
        <source>HA Ingestor</source>
        <translation>HA Ingestor</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Geräte</translation>
    </message>
    <message>
        <source>Entities</source>
        <translation>Entitäten</translation>
    </message>
    <message>
        <source>Webhooks</source>
        <translation>Webhooks</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Keep Running in the &amp;Tray When Closed</source>
        <translation>Beim Schließen im &amp;Infobereich weiterlaufen</translation>
    </message>
    <message>
        <source>This desktop has no system tray</source>
        <translation>Diese Arbeitsumgebung hat keinen Infobereich</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>E&amp;xtras</translation>
    </message>
    <message>
        <source>&amp;Rediscover</source>
        <translation>&amp;Neu erkennen</translation>
    </message>
    <message>
        <source>Reconnect to Home Assistant and read all registries again</source>
        <translation>Erneut mit Home Assistant verbinden und alle Registries neu lesen</translation>
    </message>
    <message>
        <source>&amp;Copy Diagnostics</source>
        <translation>Diagnose &amp;kopieren</translation>
    </message>
    <message>
        <source>Diagnostics copied</source>
        <translation>Diagnose kopiert</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About HA Ingestor</source>
        <translation>Ü&amp;ber HA Ingestor</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>This page has no search box</source>
        <translation>Diese Seite hat kein Suchfeld</translation>
    </message>
    <message>
        <source>Reconnecting to Home Assistant to read the registries again…</source>
        <translation>Verbinde erneut mit Home Assistant, um die Registries neu zu lesen…</translation>
    </message>
    <message>
        <source>About HA Ingestor</source>
        <translation>Über HA Ingestor</translation>
    </message>
    <message>
        <source>&lt;h3&gt;HA Ingestor %1&lt;/h3&gt;&lt;p&gt;Keeps the Home Assistant registries in a local database, writes every state change to InfluxDB, serves a REST API and delivers webhooks.&lt;/p&gt;&lt;p&gt;Qt %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;HA Ingestor %1&lt;/h3&gt;&lt;p&gt;Hält die Home-Assistant-Registries in einer lokalen Datenbank, schreibt jede Zustandsänderung nach InfluxDB, stellt eine REST-API bereit und stellt Webhooks zu.&lt;/p&gt;&lt;p&gt;Qt %2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
</context>
<context>
    <name>hai::OverviewPage</name>
    <message>
        <source>Devices</source>
        <translation>Geräte</translation>
    </message>
    <message>
        <source>Entities</source>
        <translation>Entitäten</translation>
    </message>
    <message>
        <source>Areas</source>
        <translation>Bereiche</translation>
    </message>
    <message>
        <source>Integrations</source>
        <translation>Integrationen</translation>
    </message>
    <message>
        <source>Ingestion</source>
        <translation>Erfassung</translation>
    </message>
    <message>
        <source>Events received:</source>
        <translation>Empfangene Ereignisse:</translation>
    </message>
    <message>
        <source>Events per second:</source>
        <translation>Ereignisse pro Sekunde:</translation>
    </message>
    <message>
        <source>Points written:</source>
        <translation>Geschriebene Punkte:</translation>
    </message>
    <message>
        <source>Points spooled:</source>
        <translation>Punkte im Spool:</translation>
    </message>
    <message>
        <source>Dead-lettered:</source>
        <translation>Dead-Letter:</translation>
    </message>
    <message>
        <source>Dropped:</source>
        <translation>Verworfen:</translation>
    </message>
    <message>
        <source>Skipped by filters:</source>
        <translation>Von Filtern übersprungen:</translation>
    </message>
    <message>
        <source>Home Assistant</source>
        <translation>Home Assistant</translation>
    </message>
    <message>
        <source>Connection:</source>
        <translation>Verbindung:</translation>
    </message>
    <message>
        <source>Last discovery:</source>
        <translation>Letzte Erkennung:</translation>
    </message>
    <message>
        <source>Last backfill:</source>
        <translation>Letztes Nachholen:</translation>
    </message>
    <message>
        <source>Live states:</source>
        <translation>Live-Zustände:</translation>
    </message>
    <message>
        <source>Registry updates:</source>
        <translation>Registry-Aktualisierungen:</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Systemzustand</translation>
    </message>
    <message>
        <source>Recent warnings and errors</source>
        <translation>Letzte Warnungen und Fehler</translation>
    </message>
    <message>
        <source>The Log page has the whole log</source>
        <translation>Die Seite „Protokoll“ zeigt das ganze Protokoll</translation>
    </message>
    <message>
        <source>No warnings or errors since the app started.</source>
        <translation>Keine Warnungen oder Fehler seit dem Start der App.</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>noch nicht</translation>
    </message>
    <message>
        <source>no Home Assistant configured</source>
        <translation>kein Home Assistant konfiguriert</translation>
    </message>
    <message>
        <source>%1, took %2 s: %3 devices, %4 entities, %5 areas, %6 integrations</source>
        <translation>%1, dauerte %2 s: %3 Geräte, %4 Entitäten, %5 Bereiche, %6 Integrationen</translation>
    </message>
    <message>
        <source>running: %1 of %2 chunks</source>
        <translation>läuft: %1 von %2 Abschnitten</translation>
    </message>
    <message>
        <source>none needed yet</source>
        <translation>bisher nicht nötig</translation>
    </message>
    <message numerus="yes">
        <source>%n states recovered in %1 s</source>
        <translation>
            <numerusform>%n Zustand in %1 s nachgeholt</numerusform>
            <numerusform>%n Zustände in %1 s nachgeholt</numerusform>
        </translation>
    </message>
    <message>
        <source>(gap from %1 to %2)</source>
        <translation>(Lücke von %1 bis %2)</translation>
    </message>
    <message numerus="yes">
        <source>%n backfills in total</source>
        <translation>
            <numerusform>%n Nachholvorgang insgesamt</numerusform>
            <numerusform>%n Nachholvorgänge insgesamt</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2 waiting now)</source>
        <translation>%1 (%2 warten gerade)</translation>
    </message>
    <message>
        <source>none since the discovery</source>
        <translation>keine seit der Erkennung</translation>
    </message>
    <message>
        <source>%1 events, %2 syncs (the last took %3 ms)</source>
        <translation>%1 Ereignisse, %2 Abgleiche (der letzte dauerte %3 ms)</translation>
    </message>
    <message>
        <source>Discovery:</source>
        <translation>Erkennung:</translation>
    </message>
    <message>
        <source>Backfill:</source>
        <translation>Nachholen:</translation>
    </message>
</context>
<context>
    <name>hai::PatternListEdit</name>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
</context>
<context>
    <name>hai::RestApiForm</name>
    <message>
        <source>any free port</source>
        <translation>beliebiger freier Port</translation>
    </message>
    <message>
        <source>none: the API refuses all writes</source>
        <translation>keines: die API lehnt alle Schreibzugriffe ab</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>&amp;Token:</translation>
    </message>
    <message>
        <source>Reading the API needs no token. Writes, such as managing webhooks, need it as “Authorization: Bearer &lt;token&gt;”; without a token the API refuses them all. Generate one when a script or another program should write.</source>
        <translation>Zum Lesen der API ist kein Token nötig. Schreibzugriffe, etwa das Verwalten von Webhooks, brauchen es als „Authorization: Bearer &lt;token&gt;“; ohne Token lehnt die API sie alle ab. Erzeugen Sie eines, wenn ein Skript oder ein anderes Programm schreiben soll.</translation>
    </message>
    <message>
        <source>At http://%1: only programs on this computer can reach it.</source>
        <translation>Unter http://%1: Nur Programme auf diesem Computer können sie erreichen.</translation>
    </message>
    <message>
        <source>At http://%1: other computers on the network can reach it too (set in the settings file).</source>
        <translation>Unter http://%1: Auch andere Computer im Netzwerk können sie erreichen (in der Einstellungsdatei festgelegt).</translation>
    </message>
    <message>
        <source>REST API:</source>
        <translation>REST-API:</translation>
    </message>
    <message>
        <source>API token:</source>
        <translation>API-Token:</translation>
    </message>
    <message>
        <source>not set: the API refuses writes</source>
        <translation>nicht gesetzt: die API lehnt Schreibzugriffe ab</translation>
    </message>
    <message>
        <source>On a free port picked at each start; the status bar shows it.</source>
        <translation>Auf einem freien Port, der bei jedem Start gewählt wird; die Statusleiste zeigt ihn.</translation>
    </message>
</context>
<context>
    <name>hai::SecretEdit</name>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Show or hide the text</source>
        <translation>Text anzeigen oder verbergen</translation>
    </message>
    <message>
        <source>A new random token of 32 bytes</source>
        <translation>Ein neues zufälliges Token aus 32 Bytes</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Verbergen</translation>
    </message>
    <message>
        <source>Ge&amp;nerate</source>
        <translation>&amp;Erzeugen</translation>
    </message>
</context>
<context>
    <name>hai::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Home Assistant</source>
        <translation>&amp;Home Assistant</translation>
    </message>
    <message>
        <source>&amp;InfluxDB</source>
        <translation>&amp;InfluxDB</translation>
    </message>
    <message>
        <source>&amp;REST API</source>
        <translation>&amp;REST-API</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;Allgemein</translation>
    </message>
    <message>
        <source>Could not read all settings: %1</source>
        <translation>Nicht alle Einstellungen konnten gelesen werden: %1</translation>
    </message>
    <message>
        <source>Not saved. %1</source>
        <translation>Nicht gespeichert. %1</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
</context>
<context>
    <name>hai::SetupWizard</name>
    <message>
        <source>Set Up HA Ingestor</source>
        <translation>HA Ingestor einrichten</translation>
    </message>
    <message>
        <source>Home Assistant</source>
        <translation>Home Assistant</translation>
    </message>
    <message>
        <source>Where is your Home Assistant, and which token may the app use? Or look around in a simulated home first.</source>
        <translation>Wo ist Ihr Home Assistant, und welches Token darf die App verwenden? Oder sehen Sie sich zuerst in einem simulierten Zuhause um.</translation>
    </message>
    <message>
        <source>InfluxDB</source>
        <translation>InfluxDB</translation>
    </message>
    <message>
        <source>Where the app stores Home Assistant&apos;s events for charts and history.</source>
        <translation>Wo die App die Ereignisse von Home Assistant für Diagramme und Verlauf speichert.</translation>
    </message>
    <message>
        <source>REST API</source>
        <translation>REST-API</translation>
    </message>
    <message>
        <source>Scripts and other programs read the devices, entities and events through a local REST API.</source>
        <translation>Skripte und andere Programme lesen Geräte, Entitäten und Ereignisse über eine lokale REST-API.</translation>
    </message>
</context>
<context>
    <name>hai::StatusBarPanel</name>
    <message>
        <source>State changes received from Home Assistant per second, over the last 10 seconds</source>
        <translation>Von Home Assistant empfangene Zustandsänderungen pro Sekunde, über die letzten 10 Sekunden</translation>
    </message>
    <message>
        <source>Reading the Home Assistant registries</source>
        <translation>Home-Assistant-Registries werden gelesen</translation>
    </message>
    <message>
        <source>Catching up on missed states</source>
        <translation>Verpasste Zustände werden nachgeholt</translation>
    </message>
</context>
<context>
    <name>hai::SummaryPage</name>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Settings file:</source>
        <translation>Einstellungsdatei:</translation>
    </message>
    <message>
        <source>Not saved. %1</source>
        <translation>Nicht gespeichert. %1</translation>
    </message>
    <message>
        <source>Check what will be saved. All of it can be changed later in Settings.</source>
        <translation>Prüfen Sie, was gespeichert wird. Alles lässt sich später in den Einstellungen ändern.</translation>
    </message>
</context>
<context>
    <name>hai::TopEntitiesChart</name>
    <message>
        <source>Top entities by events, last hour</source>
        <translation>Entitäten mit den meisten Ereignissen, letzte Stunde</translation>
    </message>
    <message>
        <source>events</source>
        <translation>Ereignisse</translation>
    </message>
</context>
<context>
    <name>hai::TrayIcon</name>
    <message>
        <source>&amp;Show HA Ingestor</source>
        <translation>HA Ingestor &amp;anzeigen</translation>
    </message>
    <message>
        <source>HA Ingestor</source>
        <translation>HA Ingestor</translation>
    </message>
</context>
<context>
    <name>hai::WebhookEditorDialog</name>
    <message>
        <source>New Webhook</source>
        <translation>Neuer Webhook</translation>
    </message>
    <message>
        <source>Edit Webhook – %1</source>
        <translation>Webhook bearbeiten – %1</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>https://example.com/hook</source>
        <translation>https://example.com/hook</translation>
    </message>
    <message>
        <source>the URL&apos;s host name when empty</source>
        <translation>der Hostname der URL, wenn leer</translation>
    </message>
    <message>
        <source>at least %1 characters</source>
        <translation>mindestens %1 Zeichen</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>Er&amp;zeugen</translation>
    </message>
    <message>
        <source>A new random secret of 32 bytes</source>
        <translation>Ein neues zufälliges Geheimnis aus 32 Bytes</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>&amp;Deliver events to this webhook</source>
        <translation>Ereignisse an diesen Webhook zu&amp;stellen</translation>
    </message>
    <message>
        <source>Send &amp;test</source>
        <translation>&amp;Test senden</translation>
    </message>
    <message>
        <source>Sends a signed &quot;ping&quot; to the URL now</source>
        <translation>Sendet jetzt ein signiertes „ping“ an die URL</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Secret:</source>
        <translation>&amp;Geheimnis:</translation>
    </message>
    <message>
        <source>&amp;Events:</source>
        <translation>&amp;Ereignisse:</translation>
    </message>
    <message>
        <source>Home Assistant events</source>
        <translation>Home-Assistant-Ereignisse</translation>
    </message>
    <message>
        <source>Events of this app</source>
        <translation>Ereignisse dieser App</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Verbergen</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Speichere…</translation>
    </message>
    <message>
        <source>Not saved. %1</source>
        <translation>Nicht gespeichert. %1</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Sende…</translation>
    </message>
</context>
<context>
    <name>hai::WebhookFilterEdit</name>
    <message>
        <source>%1 (not in the registry)</source>
        <translation>%1 (nicht in der Registry)</translation>
    </message>
    <message>
        <source>sensor.*_temperature, light.kitchen</source>
        <translation>sensor.*_temperature, light.kitchen</translation>
    </message>
    <message>
        <source>light, sensor</source>
        <translation>light, sensor</translation>
    </message>
    <message>
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>no lower bound</source>
        <translation>keine Untergrenze</translation>
    </message>
    <message>
        <source>no upper bound</source>
        <translation>keine Obergrenze</translation>
    </message>
    <message>
        <source>Only events that meet every condition set here are sent. Leave everything empty to send every event of the chosen types.</source>
        <translation>Nur Ereignisse, die alle hier gesetzten Bedingungen erfüllen, werden gesendet. Lassen Sie alles leer, um jedes Ereignis der gewählten Typen zu senden.</translation>
    </message>
    <message>
        <source>&amp;Entities:</source>
        <translation>&amp;Entitäten:</translation>
    </message>
    <message>
        <source>&amp;Domains:</source>
        <translation>&amp;Domänen:</translation>
    </message>
    <message>
        <source>Areas</source>
        <translation>Bereiche</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Geräte</translation>
    </message>
    <message>
        <source>In:</source>
        <translation>In:</translation>
    </message>
    <message>
        <source>New &amp;state is:</source>
        <translation>Neuer &amp;Zustand ist:</translation>
    </message>
    <message>
        <source>&amp;Old state was:</source>
        <translation>&amp;Alter Zustand war:</translation>
    </message>
    <message>
        <source>Value &amp;above:</source>
        <translation>Wert &amp;über:</translation>
    </message>
    <message>
        <source>Value &amp;below:</source>
        <translation>Wert &amp;unter:</translation>
    </message>
    <message>
        <source>must be a number, e.g. 20.5</source>
        <translation>muss eine Zahl sein, z. B. 20.5</translation>
    </message>
    <message>
        <source>Any entity.</source>
        <translation>Beliebige Entität.</translation>
    </message>
    <message numerus="yes">
        <source>Matches %n of the %1 known entities.</source>
        <translation>
            <numerusform>Trifft auf %n der %1 bekannten Entitäten zu.</numerusform>
            <numerusform>Trifft auf %n der %1 bekannten Entitäten zu.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hai::WebhookListModel</name>
    <message>
        <source>Enabled</source>
        <translation>Aktiviert</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Disabled by the app</source>
        <translation>Von der App deaktiviert</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Deliveries that used up every attempt</source>
        <translation>Zustellungen, die alle Versuche aufgebraucht haben</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Zugestellt</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Last delivery</source>
        <translation>Letzte Zustellung</translation>
    </message>
    <message>
        <source>Last status</source>
        <translation>Letzter Status</translation>
    </message>
</context>
<context>
    <name>hai::WebhooksPage</name>
    <message>
        <source>Webhooks</source>
        <translation>Webhooks</translation>
    </message>
    <message>
        <source>Webhooks can be edited once the backend is running.</source>
        <translation>Webhooks können bearbeitet werden, sobald das Backend läuft.</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Neu…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Deaktivieren</translation>
    </message>
    <message>
        <source>Send &amp;Test</source>
        <translation>&amp;Test senden</translation>
    </message>
    <message>
        <source>Delivery &amp;Log…</source>
        <translation>&amp;Zustellprotokoll…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Could not read the webhooks. %1</source>
        <translation>Die Webhooks konnten nicht gelesen werden. %1</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Aktivieren</translation>
    </message>
    <message>
        <source>“%1” was turned off by the app (%2). Fix the receiver, then enable it again.</source>
        <translation>„%1“ wurde von der App abgeschaltet (%2). Beheben Sie das Problem beim Empfänger und aktivieren Sie ihn dann wieder.</translation>
    </message>
    <message>
        <source>Webhook “%1” created.</source>
        <translation>Webhook „%1“ erstellt.</translation>
    </message>
    <message>
        <source>Webhook “%1” saved.</source>
        <translation>Webhook „%1“ gespeichert.</translation>
    </message>
    <message>
        <source>Delete Webhook</source>
        <translation>Webhook löschen</translation>
    </message>
    <message>
        <source>Delete the webhook “%1” and its delivery log? Deliveries still queued for it are dropped.</source>
        <translation>Den Webhook „%1“ und sein Zustellprotokoll löschen? Noch wartende Zustellungen für ihn werden verworfen.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Webhook “%1” deleted.</source>
        <translation>Webhook „%1“ gelöscht.</translation>
    </message>
    <message>
        <source>Could not delete “%1”. %2</source>
        <translation>„%1“ konnte nicht gelöscht werden. %2</translation>
    </message>
    <message>
        <source>Webhook “%1” enabled.</source>
        <translation>Webhook „%1“ aktiviert.</translation>
    </message>
    <message>
        <source>Webhook “%1” disabled.</source>
        <translation>Webhook „%1“ deaktiviert.</translation>
    </message>
    <message>
        <source>Could not change “%1”. %2</source>
        <translation>„%1“ konnte nicht geändert werden. %2</translation>
    </message>
    <message>
        <source>Sending a test to “%1”…</source>
        <translation>Sende einen Test an „%1“…</translation>
    </message>
    <message>
        <source>Test of “%1”: %2</source>
        <translation>Test von „%1“: %2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>HA Ingestor</source>
        <translation>HA Ingestor</translation>
    </message>
    <message>
        <source>HA Ingestor cannot start:

%1</source>
        <translation>HA Ingestor kann nicht starten:

%1</translation>
    </message>
    <message>
        <source>The new settings were saved, but together with the command line they do not work:

%1

HA Ingestor keeps running with the previous ones.</source>
        <translation>Die neuen Einstellungen wurden gespeichert, funktionieren aber zusammen mit der Kommandozeile nicht:

%1

HA Ingestor läuft mit den bisherigen weiter.</translation>
    </message>
    <message>
        <source>Open Settings…</source>
        <translation>Einstellungen öffnen…</translation>
    </message>
</context>
</TS>
