<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AppsStore</name>
    <message>
        <source>More apps can be added once the car is online.</source>
        <translation>Weitere Apps können hinzugefügt werden, sobald das Fahrzeug online ist.</translation>
    </message>
    <message>
        <source>Offline: the app catalogue needs a connection. Try again when online.</source>
        <translation>Offline: Der App-Katalog braucht eine Verbindung. Erneut versuchen, wenn online.</translation>
    </message>
    <message>
        <source>Loading the app catalogue…</source>
        <translation>App-Katalog wird geladen…</translation>
    </message>
    <message>
        <source>The app catalogue could not be loaded. Try again later.</source>
        <translation>Der App-Katalog konnte nicht geladen werden. Später erneut versuchen.</translation>
    </message>
    <message>
        <source>No partner apps are offered for this car yet.</source>
        <translation>Für dieses Fahrzeug gibt es noch keine Partner-Apps.</translation>
    </message>
    <message>
        <source>Not installed: %1</source>
        <translation>Nicht installiert: %1</translation>
    </message>
    <message>
        <source>the package is not signed.</source>
        <translation>Das Paket ist nicht signiert.</translation>
    </message>
    <message>
        <source>its signature does not match, so it may have been altered.</source>
        <translation>Die Signatur stimmt nicht; das Paket wurde eventuell verändert.</translation>
    </message>
    <message>
        <source>this car has no key to check app packages with.</source>
        <translation>Dieses Fahrzeug hat keinen Schlüssel zum Prüfen von App-Paketen.</translation>
    </message>
    <message>
        <source>it needs the permission “%1”, which this car does not grant.</source>
        <translation>Die App braucht die Berechtigung „%1“, die dieses Fahrzeug nicht erteilt.</translation>
    </message>
    <message>
        <source>Not installed: no connection. Try again when online.</source>
        <translation>Nicht installiert: Keine Verbindung. Erneut versuchen, wenn online.</translation>
    </message>
    <message>
        <source>Not installed: the download failed. Try again later.</source>
        <translation>Nicht installiert: Download fehlgeschlagen. Später erneut versuchen.</translation>
    </message>
    <message>
        <source>Not installed: the app could not be saved on this car.</source>
        <translation>Nicht installiert: Die App konnte im Fahrzeug nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>The app could not be removed.</source>
        <translation>Die App konnte nicht entfernt werden.</translation>
    </message>
</context>
<context>
    <name>AppsView</name>
    <message>
        <source>No apps installed</source>
        <translation>Keine Apps installiert</translation>
    </message>
    <message>
        <source>Apps are starting</source>
        <translation>Apps werden gestartet</translation>
    </message>
    <message>
        <source>Partner apps you install appear here.</source>
        <translation>Installierte Partner-Apps erscheinen hier.</translation>
    </message>
    <message>
        <source>All apps</source>
        <translation>Alle Apps</translation>
    </message>
    <message>
        <source>Get more apps</source>
        <translation>Apps hinzufügen</translation>
    </message>
    <message>
        <source>Close %1</source>
        <translation>%1 schließen</translation>
    </message>
    <message>
        <source>Paused while driving</source>
        <translation>Während der Fahrt pausiert</translation>
    </message>
    <message>
        <source>%1 can be used when the car is parked.</source>
        <translation>%1 ist nur im Stand nutzbar.</translation>
    </message>
    <message>
        <source>This app could not be started</source>
        <translation>Diese App konnte nicht gestartet werden</translation>
    </message>
    <message>
        <source>Close it and try again later. If it keeps failing, it may need an update.</source>
        <translation>App schließen und später erneut versuchen. Tritt der Fehler weiter auf, ist eventuell ein Update nötig.</translation>
    </message>
</context>
<context>
    <name>Areas</name>
    <message>
        <source>Home</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Karte</translation>
    </message>
    <message>
        <source>Media</source>
        <translation>Medien</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>Fahrzeug</translation>
    </message>
    <message>
        <source>Apps</source>
        <translation>Apps</translation>
    </message>
</context>
<context>
    <name>CallSimulator</name>
    <message>
        <source>Simulated call in progress</source>
        <translation>Simulierter Anruf läuft</translation>
    </message>
    <message>
        <source>Simulated call ended</source>
        <translation>Simulierter Anruf beendet</translation>
    </message>
</context>
<context>
    <name>CarMarker</name>
    <message>
        <source>Your car</source>
        <translation>Ihr Fahrzeug</translation>
    </message>
</context>
<context>
    <name>CarTopViewPanel</name>
    <message>
        <source>front left</source>
        <translation>vorne links</translation>
    </message>
    <message>
        <source>front right</source>
        <translation>vorne rechts</translation>
    </message>
    <message>
        <source>rear left</source>
        <translation>hinten links</translation>
    </message>
    <message>
        <source>rear right</source>
        <translation>hinten rechts</translation>
    </message>
    <message>
        <source>kPa · low</source>
        <translation>kPa · niedrig</translation>
    </message>
    <message>
        <source>kPa</source>
        <translation>kPa</translation>
    </message>
    <message>
        <source>Tyre %1: %2 kPa</source>
        <translation>Reifen %1: %2 kPa</translation>
    </message>
</context>
<context>
    <name>ChargingChoicePanel</name>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>Schritt %1 von %2</translation>
    </message>
    <message>
        <source>%1 of %2 free</source>
        <translation>%1 von %2 frei</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Belegt</translation>
    </message>
    <message>
        <source>Now %1 % → target</source>
        <translation>Jetzt %1 % → Ziel</translation>
    </message>
    <message>
        <source>Charge to</source>
        <translation>Laden bis</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Weiter</translation>
    </message>
</context>
<context>
    <name>ClimatePanel</name>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Level %1</source>
        <translation>Stufe %1</translation>
    </message>
    <message>
        <source>Driver</source>
        <translation>Fahrer</translation>
    </message>
    <message>
        <source>Passenger</source>
        <translation>Beifahrer</translation>
    </message>
    <message>
        <source>Fan</source>
        <translation>Gebläse</translation>
    </message>
    <message>
        <source>Seat L: %1</source>
        <translation>Sitz L: %1</translation>
    </message>
    <message>
        <source>Seat R: %1</source>
        <translation>Sitz R: %1</translation>
    </message>
</context>
<context>
    <name>EnergyPanel</name>
    <message>
        <source>Range</source>
        <translation>Reichweite</translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation>%1 km</translation>
    </message>
    <message>
        <source>Battery %1</source>
        <translation>Batterie %1</translation>
    </message>
    <message>
        <source>Fuel %1</source>
        <translation>Tank %1</translation>
    </message>
    <message>
        <source>charging</source>
        <translation>lädt</translation>
    </message>
    <message>
        <source>charging, %1 min left</source>
        <translation>lädt, noch %1 min</translation>
    </message>
    <message>
        <source>Outside %1 · Cabin %2</source>
        <translation>Außen %1 · Innen %2</translation>
    </message>
    <message>
        <source>Odometer %1</source>
        <translation>Kilometerstand %1</translation>
    </message>
    <message>
        <source>Service: –</source>
        <translation>Service: –</translation>
    </message>
    <message>
        <source>Service due now</source>
        <translation>Service jetzt fällig</translation>
    </message>
    <message>
        <source>Service in %1 km</source>
        <translation>Service in %1 km</translation>
    </message>
</context>
<context>
    <name>FuelChoicePanel</name>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>Schritt %1 von %2</translation>
    </message>
    <message>
        <source>Pump %1</source>
        <translation>Zapfsäule %1</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Belegt</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>%1 L</source>
        <translation>%1 l</translation>
    </message>
    <message>
        <source>Fill up</source>
        <translation>Volltanken</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Weiter</translation>
    </message>
</context>
<context>
    <name>GuidancePanel</name>
    <message>
        <source>%1 m</source>
        <translation>%1 m</translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation>%1 km</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>Finding a new route…</source>
        <translation>Neue Route wird berechnet…</translation>
    </message>
    <message>
        <source>You have arrived</source>
        <translation>Ziel erreicht</translation>
    </message>
    <message>
        <source>End guidance</source>
        <translation>Zielführung beenden</translation>
    </message>
    <message>
        <source>%1 · %2 · arrive %3</source>
        <translation>%1 · %2 · Ankunft %3</translation>
    </message>
    <message>
        <source>Hide steps</source>
        <translation>Liste ausblenden</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Routenliste</translation>
    </message>
</context>
<context>
    <name>HomeView</name>
    <message>
        <source>Offline map, search and routing</source>
        <translation>Offline-Karte, Suche und Navigation</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Nothing playing</source>
        <translation>Keine Wiedergabe</translation>
    </message>
    <message>
        <source>Range, doors, tyres and climate</source>
        <translation>Reichweite, Türen, Reifen und Klima</translation>
    </message>
    <message>
        <source>Partner apps</source>
        <translation>Partner-Apps</translation>
    </message>
</context>
<context>
    <name>LibraryStore</name>
    <message>
        <source>Artists</source>
        <translation>Interpreten</translation>
    </message>
    <message>
        <source>Albums</source>
        <translation>Alben</translation>
    </message>
    <message>
        <source>Songs</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Unknown artist</source>
        <translation>Unbekannter Interpret</translation>
    </message>
    <message>
        <source>Unknown album</source>
        <translation>Unbekanntes Album</translation>
    </message>
    <message>
        <source>1 song</source>
        <translation>1 Titel</translation>
    </message>
    <message>
        <source>%1 songs</source>
        <translation>%1 Titel</translation>
    </message>
    <message>
        <source>1 album</source>
        <translation>1 Album</translation>
    </message>
    <message>
        <source>%1 albums</source>
        <translation>%1 Alben</translation>
    </message>
    <message>
        <source>1 file skipped</source>
        <translation>1 Datei übersprungen</translation>
    </message>
    <message>
        <source>%1 files skipped</source>
        <translation>%1 Dateien übersprungen</translation>
    </message>
    <message>
        <source>The library could not be updated</source>
        <translation>Die Mediathek konnte nicht aktualisiert werden</translation>
    </message>
    <message>
        <source>Showing %1 of %2 — more when parked</source>
        <translation>%1 von %2 angezeigt – mehr im Stand</translation>
    </message>
</context>
<context>
    <name>LiveDataStore</name>
    <message>
        <source>%1 of %2 free</source>
        <translation>%1 von %2 frei</translation>
    </message>
    <message>
        <source>Connectors: %1 of %2 free</source>
        <translation>Ladepunkte: %1 von %2 frei</translation>
    </message>
    <message>
        <source>%1 / h</source>
        <translation>%1 / Std.</translation>
    </message>
    <message>
        <source>%1 / l</source>
        <translation>%1 / l</translation>
    </message>
    <message>
        <source>%1 / kWh</source>
        <translation>%1 / kWh</translation>
    </message>
    <message>
        <source>as of %1</source>
        <translation>Stand %1</translation>
    </message>
    <message>
        <source>Live data unavailable</source>
        <translation>Live-Daten nicht verfügbar</translation>
    </message>
    <message>
        <source>Could not update</source>
        <translation>Nicht aktualisiert</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Head unit</source>
        <translation>Headunit</translation>
    </message>
</context>
<context>
    <name>Maneuvers</name>
    <message>
        <source>Continue straight on</source>
        <translation>Geradeaus weiterfahren</translation>
    </message>
    <message>
        <source>Continue onto %1</source>
        <translation>Weiter auf %1</translation>
    </message>
    <message>
        <source>Bear right</source>
        <translation>Rechts halten</translation>
    </message>
    <message>
        <source>Bear right onto %1</source>
        <translation>Rechts halten auf %1</translation>
    </message>
    <message>
        <source>Turn right</source>
        <translation>Rechts abbiegen</translation>
    </message>
    <message>
        <source>Turn right onto %1</source>
        <translation>Rechts abbiegen auf %1</translation>
    </message>
    <message>
        <source>Turn sharp right</source>
        <translation>Scharf rechts abbiegen</translation>
    </message>
    <message>
        <source>Turn sharp right onto %1</source>
        <translation>Scharf rechts abbiegen auf %1</translation>
    </message>
    <message>
        <source>Bear left</source>
        <translation>Links halten</translation>
    </message>
    <message>
        <source>Bear left onto %1</source>
        <translation>Links halten auf %1</translation>
    </message>
    <message>
        <source>Turn left</source>
        <translation>Links abbiegen</translation>
    </message>
    <message>
        <source>Turn left onto %1</source>
        <translation>Links abbiegen auf %1</translation>
    </message>
    <message>
        <source>Turn sharp left</source>
        <translation>Scharf links abbiegen</translation>
    </message>
    <message>
        <source>Turn sharp left onto %1</source>
        <translation>Scharf links abbiegen auf %1</translation>
    </message>
    <message>
        <source>Make a U-turn</source>
        <translation>Wenden</translation>
    </message>
    <message>
        <source>Make a U-turn onto %1</source>
        <translation>Wenden auf %1</translation>
    </message>
    <message>
        <source>Start driving</source>
        <translation>Losfahren</translation>
    </message>
    <message>
        <source>Start on %1</source>
        <translation>Losfahren auf %1</translation>
    </message>
    <message>
        <source>Arrive at your destination</source>
        <translation>Ankunft am Ziel</translation>
    </message>
</context>
<context>
    <name>MapCanvas</name>
    <message>
        <source>Map</source>
        <translation>Karte</translation>
    </message>
</context>
<context>
    <name>MapControlsPanel</name>
    <message>
        <source>My reservations</source>
        <translation>Meine Reservierungen</translation>
    </message>
    <message>
        <source>Heading up: show north up</source>
        <translation>In Fahrtrichtung: genordet anzeigen</translation>
    </message>
    <message>
        <source>North up: show heading up</source>
        <translation>Genordet: in Fahrtrichtung anzeigen</translation>
    </message>
    <message>
        <source>Back to the car</source>
        <translation>Zurück zum Fahrzeug</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Verkleinern</translation>
    </message>
</context>
<context>
    <name>MapSearchPanel</name>
    <message>
        <source>Search places</source>
        <translation>Orte suchen</translation>
    </message>
    <message>
        <source>Search when parked</source>
        <translation>Suche nur im Stand</translation>
    </message>
    <message>
        <source>Clear search</source>
        <translation>Suche löschen</translation>
    </message>
    <message>
        <source>Parking</source>
        <translation>Parken</translation>
    </message>
    <message>
        <source>Fuel</source>
        <translation>Tanken</translation>
    </message>
    <message>
        <source>Charging</source>
        <translation>Laden</translation>
    </message>
</context>
<context>
    <name>MapSearchStore</name>
    <message>
        <source>No places match “%1”.</source>
        <translation>Keine Treffer für „%1“.</translation>
    </message>
    <message>
        <source>No parking on this map near the car.</source>
        <translation>Keine Parkplätze in der Nähe auf der Karte.</translation>
    </message>
    <message>
        <source>No fuel stations on this map near the car.</source>
        <translation>Keine Tankstellen in der Nähe auf der Karte.</translation>
    </message>
    <message>
        <source>No charging stations on this map near the car.</source>
        <translation>Keine Ladestationen in der Nähe auf der Karte.</translation>
    </message>
    <message>
        <source>Typing is available when the car is parked.</source>
        <translation>Texteingabe nur im Stand möglich.</translation>
    </message>
    <message>
        <source>Search needs the map, which is not available.</source>
        <translation>Suche nicht möglich: Karte nicht verfügbar.</translation>
    </message>
</context>
<context>
    <name>MapStore</name>
    <message>
        <source>Point on the map</source>
        <translation>Punkt auf der Karte</translation>
    </message>
    <message>
        <source>Opening the map…</source>
        <translation>Karte wird geöffnet…</translation>
    </message>
    <message>
        <source>Preparing the map for first use…</source>
        <translation>Karte wird eingerichtet…</translation>
    </message>
    <message>
        <source>The map could not be opened. Search and routing are unavailable.</source>
        <translation>Die Karte konnte nicht geöffnet werden. Suche und Navigation sind nicht verfügbar.</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <source>No map</source>
        <translation>Keine Karte</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Karte</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Orte</translation>
    </message>
    <message>
        <source>Nearest parking</source>
        <translation>Parkplätze in der Nähe</translation>
    </message>
    <message>
        <source>Nearest fuel</source>
        <translation>Tankstellen in der Nähe</translation>
    </message>
    <message>
        <source>Nearest charging</source>
        <translation>Ladestationen in der Nähe</translation>
    </message>
</context>
<context>
    <name>MediaStore</name>
    <message>
        <source>The station could not be played: %1</source>
        <translation>Der Sender konnte nicht abgespielt werden: %1</translation>
    </message>
    <message>
        <source>This track could not be played: %1</source>
        <translation>Dieser Titel konnte nicht abgespielt werden: %1</translation>
    </message>
    <message>
        <source>None of these tracks could be played: %1</source>
        <translation>Keiner dieser Titel konnte abgespielt werden: %1</translation>
    </message>
    <message>
        <source>These tracks could not be queued: %1</source>
        <translation>Diese Titel konnten nicht eingereiht werden: %1</translation>
    </message>
    <message>
        <source>it did not start within %1 s</source>
        <translation>Start dauerte länger als %1 s</translation>
    </message>
    <message>
        <source>it could not be opened</source>
        <translation>Öffnen nicht möglich</translation>
    </message>
    <message>
        <source>its format is not supported or it is damaged</source>
        <translation>Format nicht unterstützt oder Datei beschädigt</translation>
    </message>
    <message>
        <source>the network failed</source>
        <translation>Netzwerkfehler</translation>
    </message>
    <message>
        <source>access was refused</source>
        <translation>Zugriff verweigert</translation>
    </message>
    <message>
        <source>an unknown error</source>
        <translation>Unbekannter Fehler</translation>
    </message>
</context>
<context>
    <name>MediaView</name>
    <message>
        <source>Nothing playing</source>
        <translation>Keine Wiedergabe</translation>
    </message>
    <message>
        <source>Choose music, radio or video below.</source>
        <translation>Unten Musik, Radio oder Video wählen.</translation>
    </message>
    <message>
        <source>Music, radio and video appear here once they are set up.</source>
        <translation>Musik, Radio und Video erscheinen hier, sobald sie eingerichtet sind.</translation>
    </message>
</context>
<context>
    <name>MusicLibraryPanel</name>
    <message>
        <source>Albums</source>
        <translation>Alben</translation>
    </message>
    <message>
        <source>Songs</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Artists</source>
        <translation>Interpreten</translation>
    </message>
    <message>
        <source>Unknown artist</source>
        <translation>Unbekannter Interpret</translation>
    </message>
    <message>
        <source>Unknown album</source>
        <translation>Unbekanntes Album</translation>
    </message>
    <message>
        <source>Shuffle</source>
        <translation>Zufällig</translation>
    </message>
    <message>
        <source>Play all</source>
        <translation>Alle abspielen</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Looking for new music…</source>
        <translation>Suche nach neuer Musik…</translation>
    </message>
    <message>
        <source>Looking for music…</source>
        <translation>Musik wird gesucht…</translation>
    </message>
    <message>
        <source>No music found</source>
        <translation>Keine Musik gefunden</translation>
    </message>
    <message>
        <source>The first look through a large library takes a moment.</source>
        <translation>Das erste Durchsuchen einer großen Mediathek dauert einen Moment.</translation>
    </message>
    <message>
        <source>Copy songs into the music folder; they appear here by themselves.</source>
        <translation>Titel in den Musikordner kopieren; sie erscheinen dann von selbst hier.</translation>
    </message>
</context>
<context>
    <name>NoticePanel</name>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>NowPlayingPanel</name>
    <message>
        <source>Now playing: %1. Open the player</source>
        <translation>Aktuelle Wiedergabe: %1. Player öffnen</translation>
    </message>
    <message>
        <source>Open the player</source>
        <translation>Player öffnen</translation>
    </message>
    <message>
        <source>Nothing playing</source>
        <translation>Keine Wiedergabe</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinden…</translation>
    </message>
    <message>
        <source>Next track</source>
        <translation>Nächster Titel</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Wiedergabe</translation>
    </message>
</context>
<context>
    <name>ParkingChoicePanel</name>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>Schritt %1 von %2</translation>
    </message>
    <message>
        <source>%1 free</source>
        <translation>%1 frei</translation>
    </message>
    <message>
        <source>Full</source>
        <translation>Voll</translation>
    </message>
    <message>
        <source>Parking time</source>
        <translation>Parkdauer</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Weiter</translation>
    </message>
</context>
<context>
    <name>PartnerAppsPanel</name>
    <message>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Installing…</source>
        <translation>Wird installiert…</translation>
    </message>
    <message>
        <source>Removing…</source>
        <translation>Wird entfernt…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Install</source>
        <translation>Installieren</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message>
        <source>Install %1</source>
        <translation>%1 installieren</translation>
    </message>
</context>
<context>
    <name>PayPausedPanel</name>
    <message>
        <source>Paused while driving</source>
        <translation>Während der Fahrt pausiert</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Amount %1</source>
        <translation>Betrag %1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>PayResultPanel</name>
    <message>
        <source>Step %1 of %2</source>
        <translation>Schritt %1 von %2</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Checking</source>
        <translation>Wird geprüft</translation>
    </message>
</context>
<context>
    <name>PayReviewPanel</name>
    <message>
        <source>Review</source>
        <translation>Überprüfen</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>Schritt %1 von %2</translation>
    </message>
    <message>
        <source>Total %1</source>
        <translation>Gesamt %1</translation>
    </message>
    <message>
        <source>No connection: the reservation is sent when the car is back online.</source>
        <translation>Keine Verbindung: Die Reservierung wird gesendet, sobald das Fahrzeug wieder online ist.</translation>
    </message>
    <message>
        <source>Paying at the pump needs a connection.</source>
        <translation>Bezahlen an der Zapfsäule ist nur mit Verbindung möglich.</translation>
    </message>
    <message>
        <source>Available when parked</source>
        <translation>Nur im Stand verfügbar</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <source>Pay with phone (QR)</source>
        <translation>Mit Handy bezahlen (QR)</translation>
    </message>
    <message>
        <source>Pay with in-car wallet</source>
        <translation>Mit Fahrzeug-Wallet bezahlen</translation>
    </message>
    <message>
        <source>Reserve now, pay when online</source>
        <translation>Jetzt reservieren, später online bezahlen</translation>
    </message>
</context>
<context>
    <name>PayStore</name>
    <message>
        <source>Navigate there</source>
        <translation>Dorthin navigieren</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Choose again</source>
        <translation>Neu wählen</translation>
    </message>
    <message>
        <source>Pay with phone</source>
        <translation>Mit Handy bezahlen</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Erneut prüfen</translation>
    </message>
    <message>
        <source>My reservations</source>
        <translation>Meine Reservierungen</translation>
    </message>
    <message>
        <source>Nothing was charged.</source>
        <translation>Es wurde nichts abgebucht.</translation>
    </message>
    <message>
        <source>This time was just taken</source>
        <translation>Diese Zeit ist gerade vergeben worden</translation>
    </message>
    <message>
        <source>Someone reserved it a moment ago. Nothing was charged.</source>
        <translation>Gerade eben von jemand anderem reserviert. Es wurde nichts abgebucht.</translation>
    </message>
    <message>
        <source>This time has started</source>
        <translation>Diese Zeit hat schon begonnen</translation>
    </message>
    <message>
        <source>Choose a later time. Nothing was charged.</source>
        <translation>Eine spätere Zeit wählen. Es wurde nichts abgebucht.</translation>
    </message>
    <message>
        <source>Your hold has expired</source>
        <translation>Vormerkung abgelaufen</translation>
    </message>
    <message>
        <source>The place was held for 10 minutes and was not paid in time. Nothing was charged.</source>
        <translation>Der Platz war 10 Minuten vorgemerkt und wurde nicht rechtzeitig bezahlt. Es wurde nichts abgebucht.</translation>
    </message>
    <message>
        <source>This pump is in use</source>
        <translation>Diese Zapfsäule ist belegt</translation>
    </message>
    <message>
        <source>Choose another pump. Nothing was charged.</source>
        <translation>Eine andere Zapfsäule wählen. Es wurde nichts abgebucht.</translation>
    </message>
    <message>
        <source>Not bookable</source>
        <translation>Nicht buchbar</translation>
    </message>
    <message>
        <source>This place takes no reservations. Nothing was charged.</source>
        <translation>Hier sind keine Reservierungen möglich. Es wurde nichts abgebucht.</translation>
    </message>
    <message>
        <source>Wallet locked</source>
        <translation>Wallet gesperrt</translation>
    </message>
    <message>
        <source>Too many wrong PINs: the wallet is locked for 15 minutes. Nothing was charged. You can pay with your phone.</source>
        <translation>Zu oft falsche PIN: Die Wallet ist für 15 Minuten gesperrt. Es wurde nichts abgebucht. Bezahlen mit dem Handy ist möglich.</translation>
    </message>
    <message>
        <source>Payment refused</source>
        <translation>Zahlung abgelehnt</translation>
    </message>
    <message>
        <source>The wallet does not hold enough money. Nothing was charged. You can pay with your phone.</source>
        <translation>Das Guthaben der Wallet reicht nicht aus. Es wurde nichts abgebucht. Bezahlen mit dem Handy ist möglich.</translation>
    </message>
    <message>
        <source>No in-car wallet</source>
        <translation>Keine Fahrzeug-Wallet</translation>
    </message>
    <message>
        <source>This car has no wallet set up. Pay with your phone.</source>
        <translation>In diesem Fahrzeug ist keine Wallet eingerichtet. Mit dem Handy bezahlen.</translation>
    </message>
    <message>
        <source>Payment timed out</source>
        <translation>Zeit für die Zahlung abgelaufen</translation>
    </message>
    <message>
        <source>The payment was not completed in time and was cancelled. Nothing was charged.</source>
        <translation>Die Zahlung wurde nicht rechtzeitig abgeschlossen und abgebrochen. Es wurde nichts abgebucht.</translation>
    </message>
    <message>
        <source>No connection</source>
        <translation>Keine Verbindung</translation>
    </message>
    <message>
        <source>The payment service cannot be reached. Nothing was charged.</source>
        <translation>Der Zahlungsdienst ist nicht erreichbar. Es wurde nichts abgebucht.</translation>
    </message>
    <message>
        <source>Unexpected answer</source>
        <translation>Unerwartete Antwort</translation>
    </message>
    <message>
        <source>The payment service sent an answer the car cannot read. Nothing was charged.</source>
        <translation>Die Antwort des Zahlungsdienstes ist für das Fahrzeug nicht lesbar. Es wurde nichts abgebucht.</translation>
    </message>
    <message>
        <source>Payment not confirmed yet</source>
        <translation>Zahlung noch nicht bestätigt</translation>
    </message>
    <message>
        <source>The car could not find out whether the payment went through. You will not be charged twice: it asks again as soon as the connection is back.</source>
        <translation>Das Fahrzeug konnte nicht feststellen, ob die Zahlung durchgegangen ist. Doppelt abgebucht wird nicht: Es fragt erneut nach, sobald die Verbindung wieder besteht.</translation>
    </message>
    <message>
        <source>No live data</source>
        <translation>Keine Live-Daten</translation>
    </message>
    <message>
        <source>Availability and prices could not be loaded. Try again when the car is online.</source>
        <translation>Verfügbarkeit und Preise konnten nicht geladen werden. Erneut versuchen, wenn das Fahrzeug online ist.</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Erstattet</translation>
    </message>
    <message>
        <source>This order was refunded.</source>
        <translation>Diese Bestellung wurde erstattet.</translation>
    </message>
    <message>
        <source>Could not complete</source>
        <translation>Nicht abgeschlossen</translation>
    </message>
    <message>
        <source>The request was refused. Nothing was charged.</source>
        <translation>Die Anfrage wurde abgelehnt. Es wurde nichts abgebucht.</translation>
    </message>
    <message>
        <source>Wrong PIN. Try again.</source>
        <translation>Falsche PIN. Erneut versuchen.</translation>
    </message>
    <message>
        <source>Wrong PIN. Tries left: %1</source>
        <translation>Falsche PIN. Verbleibende Versuche: %1</translation>
    </message>
    <message>
        <source>Parking · %1 h</source>
        <translation>Parken · %1 h</translation>
    </message>
    <message>
        <source>Pump %1 · fill up (about %2 l)</source>
        <translation>Zapfsäule %1 · volltanken (ca. %2 l)</translation>
    </message>
    <message>
        <source>Pump %1 · %2 l</source>
        <translation>Zapfsäule %1 · %2 l</translation>
    </message>
    <message>
        <source>Charging · %1 · %2 kWh</source>
        <translation>Laden · %1 · %2 kWh</translation>
    </message>
    <message>
        <source>Start fuelling when the pump is ready</source>
        <translation>Tanken, sobald die Zapfsäule bereit ist</translation>
    </message>
    <message>
        <source>Car park</source>
        <translation>Parkplatz</translation>
    </message>
    <message>
        <source>Fuel station</source>
        <translation>Tankstelle</translation>
    </message>
    <message>
        <source>Charging station</source>
        <translation>Ladestation</translation>
    </message>
    <message>
        <source>The PIN has 4 to 6 digits.</source>
        <translation>Die PIN hat 4 bis 6 Ziffern.</translation>
    </message>
    <message>
        <source>The payment did not go through. Nothing was charged. Try again.</source>
        <translation>Die Zahlung ist nicht durchgegangen. Es wurde nichts abgebucht. Erneut versuchen.</translation>
    </message>
    <message>
        <source>Receipt %1 · %2</source>
        <translation>Beleg %1 · %2</translation>
    </message>
    <message>
        <source>Pending – will be sent when online</source>
        <translation>Ausstehend – wird gesendet, sobald online</translation>
    </message>
    <message>
        <source>Not confirmed yet, and nothing is charged. Once it is confirmed, pay for it from My reservations.</source>
        <translation>Noch nicht bestätigt, es wird nichts abgebucht. Nach der Bestätigung unter „Meine Reservierungen“ bezahlen.</translation>
    </message>
    <message>
        <source>Reserved and paid</source>
        <translation>Reserviert und bezahlt</translation>
    </message>
    <message>
        <source>Paid: the pump is ready</source>
        <translation>Bezahlt: Die Zapfsäule ist bereit</translation>
    </message>
    <message>
        <source>Checking the payment…</source>
        <translation>Zahlung wird geprüft…</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>bis %1</translation>
    </message>
    <message>
        <source>Fill up</source>
        <translation>Volltanken</translation>
    </message>
    <message>
        <source>Fill up (about %1 l)</source>
        <translation>Volltanken (ca. %1 l)</translation>
    </message>
    <message>
        <source>Choose a start time.</source>
        <translation>Startzeit wählen.</translation>
    </message>
    <message>
        <source>No free time left today.</source>
        <translation>Heute ist keine Zeit mehr frei.</translation>
    </message>
    <message>
        <source>This time is full. Choose another.</source>
        <translation>Diese Zeit ist belegt. Eine andere wählen.</translation>
    </message>
    <message>
        <source>Choose a pump.</source>
        <translation>Zapfsäule wählen.</translation>
    </message>
    <message>
        <source>This pump is in use. Choose another.</source>
        <translation>Diese Zapfsäule ist belegt. Eine andere wählen.</translation>
    </message>
    <message>
        <source>Choose a connector.</source>
        <translation>Ladepunkt wählen.</translation>
    </message>
    <message>
        <source>This connector is in use. Choose another.</source>
        <translation>Dieser Ladepunkt ist belegt. Einen anderen wählen.</translation>
    </message>
    <message>
        <source>The battery is already above this target.</source>
        <translation>Der Ladestand liegt schon über diesem Ziel.</translation>
    </message>
    <message>
        <source>The tank is already full.</source>
        <translation>Der Tank ist schon voll.</translation>
    </message>
    <message>
        <source>The battery&apos;s charge level is not known, so the energy to the target cannot be worked out.</source>
        <translation>Der Ladestand der Batterie ist nicht bekannt, daher lässt sich die Energie bis zum Ziel nicht berechnen.</translation>
    </message>
    <message>
        <source>The fuel level is not known: choose an amount instead.</source>
        <translation>Der Tankstand ist nicht bekannt: Stattdessen eine Menge wählen.</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Payment being checked</source>
        <translation>Zahlung wird geprüft</translation>
    </message>
    <message>
        <source>Held – not paid yet</source>
        <translation>Vorgemerkt – noch nicht bezahlt</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Bestätigt</translation>
    </message>
    <message>
        <source>Expired – not paid</source>
        <translation>Abgelaufen – nicht bezahlt</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <source>Cancelled · refunded</source>
        <translation>Storniert · erstattet</translation>
    </message>
    <message>
        <source>Cancelling – will be sent when online</source>
        <translation>Stornierung – wird gesendet, sobald online</translation>
    </message>
    <message>
        <source>Refund – will be sent when online</source>
        <translation>Erstattung – wird gesendet, sobald online</translation>
    </message>
    <message>
        <source>Waiting for payment</source>
        <translation>Warten auf Zahlung</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Bezahlt</translation>
    </message>
    <message>
        <source>Not paid – cancelled</source>
        <translation>Nicht bezahlt – storniert</translation>
    </message>
    <message>
        <source>Offline · as of %1</source>
        <translation>Offline · Stand %1</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Receipt %1</source>
        <translation>Beleg %1</translation>
    </message>
</context>
<context>
    <name>PinPadPanel</name>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Enter your PIN</source>
        <translation>PIN eingeben</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>Schritt %1 von %2</translation>
    </message>
    <message>
        <source>Amount %1</source>
        <translation>Betrag %1</translation>
    </message>
    <message numerus="yes">
        <source>%n digits entered</source>
        <translation>
            <numerusform>%n Ziffer eingegeben</numerusform>
            <numerusform>%n Ziffern eingegeben</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking your PIN…</source>
        <translation>PIN wird geprüft…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Pay by QR code</source>
        <translation>Per QR-Code bezahlen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>PlayerPanel</name>
    <message>
        <source>Repeat all: on</source>
        <translation>Alle wiederholen: ein</translation>
    </message>
    <message>
        <source>Repeat this track: on</source>
        <translation>Titel wiederholen: ein</translation>
    </message>
    <message>
        <source>Repeat: off</source>
        <translation>Wiederholen: aus</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>Shuffle: on</source>
        <translation>Zufallswiedergabe: ein</translation>
    </message>
    <message>
        <source>Shuffle: off</source>
        <translation>Zufallswiedergabe: aus</translation>
    </message>
    <message>
        <source>Previous track</source>
        <translation>Vorheriger Titel</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Wiedergabe</translation>
    </message>
    <message>
        <source>Next track</source>
        <translation>Nächster Titel</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinden…</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 von %2</translation>
    </message>
</context>
<context>
    <name>PoiDetailsPanel</name>
    <message>
        <source>Parking</source>
        <translation>Parkplatz</translation>
    </message>
    <message>
        <source>Fuel station</source>
        <translation>Tankstelle</translation>
    </message>
    <message>
        <source>EV charging</source>
        <translation>Ladestation</translation>
    </message>
    <message>
        <source>Restaurant</source>
        <translation>Restaurant</translation>
    </message>
    <message>
        <source>Café</source>
        <translation>Café</translation>
    </message>
    <message>
        <source>Fast food</source>
        <translation>Schnellrestaurant</translation>
    </message>
    <message>
        <source>Bar or pub</source>
        <translation>Bar/Kneipe</translation>
    </message>
    <message>
        <source>Hospital or clinic</source>
        <translation>Krankenhaus/Klinik</translation>
    </message>
    <message>
        <source>Pharmacy</source>
        <translation>Apotheke</translation>
    </message>
    <message>
        <source>Hotel</source>
        <translation>Hotel</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>Geschäft</translation>
    </message>
    <message>
        <source>Bank or ATM</source>
        <translation>Bank/Geldautomat</translation>
    </message>
    <message>
        <source>Toilets</source>
        <translation>Toiletten</translation>
    </message>
    <message>
        <source>Sight</source>
        <translation>Sehenswürdigkeit</translation>
    </message>
    <message>
        <source>Police</source>
        <translation>Polizei</translation>
    </message>
    <message>
        <source>Car service</source>
        <translation>Autowerkstatt</translation>
    </message>
    <message>
        <source>Point on the map</source>
        <translation>Punkt auf der Karte</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>%1 km away</source>
        <translation>%1 km entfernt</translation>
    </message>
    <message>
        <source>Loading live data…</source>
        <translation>Live-Daten werden geladen…</translation>
    </message>
    <message>
        <source>Open: %1</source>
        <translation>Geöffnet: %1</translation>
    </message>
    <message>
        <source>Pay at the pump</source>
        <translation>An der Zapfsäule bezahlen</translation>
    </message>
    <message>
        <source>Reserve a charger</source>
        <translation>Ladepunkt reservieren</translation>
    </message>
    <message>
        <source>Reserve</source>
        <translation>Reservieren</translation>
    </message>
    <message>
        <source>Finding a route…</source>
        <translation>Route wird berechnet…</translation>
    </message>
    <message>
        <source>Go</source>
        <translation>Start</translation>
    </message>
</context>
<context>
    <name>PoiListPanel</name>
    <message>
        <source>%1 m</source>
        <translation>%1 m</translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation>%1 km</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Suche läuft…</translation>
    </message>
    <message>
        <source>Unnamed place</source>
        <translation>Ort ohne Namen</translation>
    </message>
</context>
<context>
    <name>PreheatPanel</name>
    <message>
        <source>Pre-heating the cabin</source>
        <translation>Innenraum wird vorgeheizt</translation>
    </message>
    <message>
        <source>Pre-heat scheduled for %1</source>
        <translation>Vorheizen geplant um %1</translation>
    </message>
    <message>
        <source>Pre-heat</source>
        <translation>Vorheizen</translation>
    </message>
    <message>
        <source>Pre-heat now</source>
        <translation>Jetzt vorheizen</translation>
    </message>
    <message>
        <source>Hour</source>
        <translation>Stunde</translation>
    </message>
    <message>
        <source>Minute</source>
        <translation>Minute</translation>
    </message>
    <message>
        <source>Cancel scheduled pre-heat</source>
        <translation>Geplantes Vorheizen löschen</translation>
    </message>
    <message>
        <source>Schedule for %1:%2</source>
        <translation>Für %1:%2 planen</translation>
    </message>
</context>
<context>
    <name>QrPaymentPanel</name>
    <message>
        <source>Waiting for your phone…</source>
        <translation>Warten auf das Handy…</translation>
    </message>
    <message>
        <source>Waiting for your phone… %1</source>
        <translation>Warten auf das Handy… %1</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Scan to pay</source>
        <translation>Zum Bezahlen scannen</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>Schritt %1 von %2</translation>
    </message>
    <message>
        <source>Payment QR code</source>
        <translation>QR-Code zum Bezahlen</translation>
    </message>
    <message>
        <source>Amount %1</source>
        <translation>Betrag %1</translation>
    </message>
    <message>
        <source>Use wallet</source>
        <translation>Wallet nutzen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>RadioPanel</name>
    <message>
        <source>Connecting to the stream…</source>
        <translation>Verbindung zum Stream…</translation>
    </message>
    <message>
        <source>Playlists</source>
        <translation>Playlists</translation>
    </message>
    <message>
        <source>Podcasts</source>
        <translation>Podcasts</translation>
    </message>
    <message>
        <source>Stations</source>
        <translation>Sender</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>No playlists</source>
        <translation>Keine Playlists</translation>
    </message>
    <message>
        <source>No podcasts</source>
        <translation>Keine Podcasts</translation>
    </message>
    <message>
        <source>No stations</source>
        <translation>Keine Sender</translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation>Wird aktualisiert…</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Aktualisieren</translation>
    </message>
    <message numerus="yes">
        <source>%n more when parked</source>
        <translation>
            <numerusform>%n weiterer Eintrag im Stand</numerusform>
            <numerusform>%n weitere Einträge im Stand</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RadioStore</name>
    <message>
        <source>Jazz</source>
        <translation>Jazz</translation>
    </message>
    <message>
        <source>Classical</source>
        <translation>Klassik</translation>
    </message>
    <message>
        <source>Electronic</source>
        <translation>Elektronik</translation>
    </message>
    <message>
        <source>Traditional</source>
        <translation>Volksmusik</translation>
    </message>
    <message>
        <source>Ambient</source>
        <translation>Ambient</translation>
    </message>
    <message>
        <source>Rock</source>
        <translation>Rock</translation>
    </message>
    <message>
        <source>Pop</source>
        <translation>Pop</translation>
    </message>
    <message>
        <source>News</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Offline – showing saved stations. Playing needs a connection.</source>
        <translation>Offline – gespeicherte Sender. Wiedergabe nur mit Verbindung.</translation>
    </message>
    <message>
        <source>Offline – showing saved playlists. Playing needs a connection.</source>
        <translation>Offline – gespeicherte Playlists. Wiedergabe nur mit Verbindung.</translation>
    </message>
    <message>
        <source>Offline – showing saved podcasts. Playing needs a connection.</source>
        <translation>Offline – gespeicherte Podcasts. Wiedergabe nur mit Verbindung.</translation>
    </message>
    <message>
        <source>No stations saved yet. Connect to the internet to load them.</source>
        <translation>Noch keine Sender gespeichert. Zum Laden mit dem Internet verbinden.</translation>
    </message>
    <message>
        <source>No playlists saved yet. Connect to the internet to load them.</source>
        <translation>Noch keine Playlists gespeichert. Zum Laden mit dem Internet verbinden.</translation>
    </message>
    <message>
        <source>No podcasts saved yet. Connect to the internet to load them.</source>
        <translation>Noch keine Podcasts gespeichert. Zum Laden mit dem Internet verbinden.</translation>
    </message>
    <message>
        <source>The media service offers no stations at the moment.</source>
        <translation>Der Mediendienst bietet zurzeit keine Sender an.</translation>
    </message>
    <message>
        <source>The media service offers no playlists at the moment.</source>
        <translation>Der Mediendienst bietet zurzeit keine Playlists an.</translation>
    </message>
    <message>
        <source>The media service offers no podcasts at the moment.</source>
        <translation>Der Mediendienst bietet zurzeit keine Podcasts an.</translation>
    </message>
    <message>
        <source>The media service did not answer. Try again later.</source>
        <translation>Der Mediendienst antwortet nicht. Später erneut versuchen.</translation>
    </message>
    <message>
        <source>Could not update the list – showing the saved one.</source>
        <translation>Liste nicht aktualisiert – gespeicherte Liste wird angezeigt.</translation>
    </message>
    <message>
        <source>Offline – “%1” can be played once the connection is back.</source>
        <translation>Offline – „%1“ ist abspielbar, sobald die Verbindung wieder besteht.</translation>
    </message>
    <message>
        <source>Could not get “%1” from the media service. Try again.</source>
        <translation>„%1“ konnte nicht vom Mediendienst geladen werden. Erneut versuchen.</translation>
    </message>
    <message>
        <source>“%1” is no longer offered.</source>
        <translation>„%1“ wird nicht mehr angeboten.</translation>
    </message>
    <message>
        <source>as of %1</source>
        <translation>Stand %1</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
</context>
<context>
    <name>RecentAppsPanel</name>
    <message>
        <source>Recently used</source>
        <translation>Zuletzt verwendet</translation>
    </message>
</context>
<context>
    <name>ReservationsPanel</name>
    <message>
        <source>My reservations</source>
        <translation>Meine Reservierungen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message numerus="yes">
        <source>%n more when parked</source>
        <translation>
            <numerusform>%n weitere im Stand</numerusform>
            <numerusform>%n weitere im Stand</numerusform>
        </translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation>Anstehend</translation>
    </message>
    <message>
        <source>Past</source>
        <translation>Vergangen</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>Bezahlen</translation>
    </message>
    <message>
        <source>Navigate</source>
        <translation>Navigieren</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Erstatten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Stornieren</translation>
    </message>
    <message>
        <source>No reservations yet</source>
        <translation>Noch keine Reservierungen</translation>
    </message>
    <message>
        <source>Parking, fuel and charging you reserve here show up in this list.</source>
        <translation>Hier reservierte Parkplätze, Tankvorgänge und Ladevorgänge erscheinen in dieser Liste.</translation>
    </message>
</context>
<context>
    <name>ReserveFlowView</name>
    <message>
        <source>Prices as of the last connection; the backend confirms the total.</source>
        <translation>Preise vom Stand der letzten Verbindung; der Gesamtbetrag wird vom Server bestätigt.</translation>
    </message>
    <message>
        <source>Scan with your phone and confirm there.</source>
        <translation>Mit dem Handy scannen und dort bestätigen.</translation>
    </message>
    <message>
        <source>Loading availability…</source>
        <translation>Verfügbarkeit wird geladen…</translation>
    </message>
    <message>
        <source>Paused while driving</source>
        <translation>Während der Fahrt pausiert</translation>
    </message>
    <message>
        <source>The payment continues when you park. Nothing has been charged.</source>
        <translation>Die Zahlung geht im Stand weiter. Es wurde nichts abgebucht.</translation>
    </message>
</context>
<context>
    <name>RouteStore</name>
    <message>
        <source>No road route leads there from here.</source>
        <translation>Von hier führt keine Straße dorthin.</translation>
    </message>
    <message>
        <source>The car is not near a road on the map.</source>
        <translation>Das Fahrzeug ist nicht nahe einer Straße der Karte.</translation>
    </message>
    <message>
        <source>There is no road near this destination.</source>
        <translation>In der Nähe des Ziels gibt es keine Straße.</translation>
    </message>
    <message>
        <source>You are already there.</source>
        <translation>Sie sind bereits am Ziel.</translation>
    </message>
    <message>
        <source>Routing needs the map, which is not available.</source>
        <translation>Routenberechnung nicht möglich: Karte nicht verfügbar.</translation>
    </message>
    <message>
        <source>The route could not be computed.</source>
        <translation>Die Route konnte nicht berechnet werden.</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Saved data comes from a newer software version and was left untouched. Settings and history are unavailable until the software is updated.</source>
        <translation>Gespeicherte Daten stammen von neuerer Software und bleiben unverändert. Einstellungen und Verlauf sind erst nach einem Update verfügbar.</translation>
    </message>
    <message>
        <source>Saved data could not be opened. Settings and history are unavailable.</source>
        <translation>Gespeicherte Daten konnten nicht geöffnet werden. Einstellungen und Verlauf sind nicht verfügbar.</translation>
    </message>
    <message>
        <source>This vehicle is not registered with the online services. Reservations and payments are unavailable.</source>
        <translation>Dieses Fahrzeug ist bei den Online-Diensten nicht registriert. Reservieren und Bezahlen sind nicht verfügbar.</translation>
    </message>
</context>
<context>
    <name>StatusBarPanel</name>
    <message>
        <source>Parked</source>
        <translation>Geparkt</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Driving</source>
        <translation>Fährt</translation>
    </message>
    <message>
        <source>No vehicle data</source>
        <translation>Keine Fahrzeugdaten</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinden…</translation>
    </message>
    <message>
        <source>Time %1</source>
        <translation>Uhrzeit %1</translation>
    </message>
    <message>
        <source>%1 km/h</source>
        <translation>%1 km/h</translation>
    </message>
    <message>
        <source>– km/h</source>
        <translation>– km/h</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Geschwindigkeit</translation>
    </message>
    <message>
        <source>%1 °C</source>
        <translation>%1 °C</translation>
    </message>
    <message>
        <source>– °C</source>
        <translation>– °C</translation>
    </message>
    <message>
        <source>Outside temperature</source>
        <translation>Außentemperatur</translation>
    </message>
    <message>
        <source>Pending (%1)</source>
        <translation>Ausstehend (%1)</translation>
    </message>
    <message>
        <source>Switch to day theme</source>
        <translation>Zum Tagmodus wechseln</translation>
    </message>
    <message>
        <source>Switch to night theme</source>
        <translation>Zum Nachtmodus wechseln</translation>
    </message>
</context>
<context>
    <name>Stepper</name>
    <message>
        <source>Decrease %1</source>
        <translation>%1 verringern</translation>
    </message>
    <message>
        <source>Increase %1</source>
        <translation>%1 erhöhen</translation>
    </message>
</context>
<context>
    <name>TripApp</name>
    <message>
        <source>Trip computer</source>
        <translation>Bordcomputer</translation>
    </message>
    <message>
        <source>Parked</source>
        <translation>Geparkt</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Driving</source>
        <translation>Fährt</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Geschwindigkeit</translation>
    </message>
    <message>
        <source>Gear</source>
        <translation>Gang</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>Reichweite</translation>
    </message>
    <message>
        <source>Battery</source>
        <translation>Batterie</translation>
    </message>
    <message>
        <source>Fuel</source>
        <translation>Tank</translation>
    </message>
    <message>
        <source>Outside</source>
        <translation>Außen</translation>
    </message>
    <message>
        <source>Odometer</source>
        <translation>Kilometerstand</translation>
    </message>
</context>
<context>
    <name>VehicleFeed</name>
    <message>
        <source>Vehicle data unavailable: %1</source>
        <translation>Fahrzeugdaten nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>The vehicle is not connected.</source>
        <translation>Das Fahrzeug ist nicht verbunden.</translation>
    </message>
</context>
<context>
    <name>VehicleView</name>
    <message>
        <source>No vehicle data</source>
        <translation>Keine Fahrzeugdaten</translation>
    </message>
    <message>
        <source>Range, doors, windows, tyres and climate appear here once the vehicle is connected.</source>
        <translation>Reichweite, Türen, Fenster, Reifen und Klima erscheinen hier, sobald das Fahrzeug verbunden ist.</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Climate</source>
        <translation>Klima</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>As of %1</source>
        <translation>Stand %1</translation>
    </message>
    <message>
        <source>Not current: connection to the vehicle lost</source>
        <translation>Nicht aktuell: Verbindung zum Fahrzeug unterbrochen</translation>
    </message>
</context>
<context>
    <name>VehicleWarnings</name>
    <message>
        <source>Fuel low: %1 % left</source>
        <translation>Tank fast leer: noch %1 %</translation>
    </message>
    <message>
        <source>Battery low: %1 % left</source>
        <translation>Batterie fast leer: noch %1 %</translation>
    </message>
    <message>
        <source>Low tyre pressure, %1: %2 kPa</source>
        <translation>Reifendruck niedrig, %1: %2 kPa</translation>
    </message>
    <message>
        <source>Service due</source>
        <translation>Service fällig</translation>
    </message>
    <message>
        <source>Vehicle data not current</source>
        <translation>Fahrzeugdaten nicht aktuell</translation>
    </message>
    <message>
        <source>Signal out of range, not shown: %1</source>
        <translation>Signalwert ungültig, nicht angezeigt: %1</translation>
    </message>
    <message>
        <source>%1 open</source>
        <translation>%1 offen</translation>
    </message>
    <message>
        <source>%1 open while moving</source>
        <translation>%1 offen während der Fahrt</translation>
    </message>
    <message>
        <source>front left</source>
        <translation>vorne links</translation>
    </message>
    <message>
        <source>front right</source>
        <translation>vorne rechts</translation>
    </message>
    <message>
        <source>rear left</source>
        <translation>hinten links</translation>
    </message>
    <message>
        <source>rear right</source>
        <translation>hinten rechts</translation>
    </message>
    <message>
        <source>Front driver&apos;s door</source>
        <translation>Fahrertür</translation>
    </message>
    <message>
        <source>Front passenger&apos;s door</source>
        <translation>Beifahrertür</translation>
    </message>
    <message>
        <source>Rear door on the driver&apos;s side</source>
        <translation>Hintere Tür Fahrerseite</translation>
    </message>
    <message>
        <source>Rear door on the passenger&apos;s side</source>
        <translation>Hintere Tür Beifahrerseite</translation>
    </message>
    <message>
        <source>Trunk</source>
        <translation>Kofferraum</translation>
    </message>
    <message>
        <source>Hood</source>
        <translation>Motorhaube</translation>
    </message>
</context>
<context>
    <name>VideoPanel</name>
    <message>
        <source>Videos</source>
        <translation>Videos</translation>
    </message>
    <message>
        <source>Play %1</source>
        <translation>%1 abspielen</translation>
    </message>
    <message>
        <source>Looking for videos…</source>
        <translation>Videos werden gesucht…</translation>
    </message>
    <message>
        <source>No videos</source>
        <translation>Keine Videos</translation>
    </message>
    <message>
        <source>Videos in the configured video folders appear here.</source>
        <translation>Videos aus den eingestellten Videoordnern erscheinen hier.</translation>
    </message>
    <message>
        <source>Close video</source>
        <translation>Video schließen</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Wiedergabe</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Video can only be played when the car is parked.</source>
        <translation>Videos können nur im Stand abgespielt werden.</translation>
    </message>
</context>
<context>
    <name>VideoStore</name>
    <message>
        <source>Video is paused while driving. It continues when you park.</source>
        <translation>Video während der Fahrt pausiert. Im Stand geht es weiter.</translation>
    </message>
    <message>
        <source>The picture is hidden while driving; the sound goes on. The picture returns when you park.</source>
        <translation>Während der Fahrt ist das Bild ausgeblendet, der Ton läuft weiter. Im Stand kehrt das Bild zurück.</translation>
    </message>
    <message>
        <source>Video can only be played when the car is parked.</source>
        <translation>Videos können nur im Stand abgespielt werden.</translation>
    </message>
    <message>
        <source>“%1” cannot be played: %2</source>
        <translation>„%1“ kann nicht abgespielt werden: %2</translation>
    </message>
    <message>
        <source>the file is damaged or in an unknown format</source>
        <translation>Datei beschädigt oder Format unbekannt</translation>
    </message>
    <message>
        <source>The video list could not be read: %1</source>
        <translation>Die Videoliste konnte nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>WarningsPanel</name>
    <message>
        <source>Warnings</source>
        <translation>Warnungen</translation>
    </message>
    <message>
        <source>No warnings</source>
        <translation>Keine Warnungen</translation>
    </message>
</context>
</TS>
