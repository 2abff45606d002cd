<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
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
        <source>Entity, e.g. sensor.living_room_temperature</source>
        <translation>Entität, z. B. sensor.living_room_temperature</translation>
    </message>
    <message>
        <source>Entity:</source>
        <translation>Entität:</translation>
    </message>
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
    <name>hai::HistoryChartView</name>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
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
</context>
</TS>
