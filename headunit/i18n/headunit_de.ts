<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AppsView</name>
    <message>
        <source>No apps installed</source>
        <translation>Keine Apps installiert</translation>
    </message>
    <message>
        <source>Partner apps you install appear here.</source>
        <translation>Installierte Partner-Apps erscheinen hier.</translation>
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
    <name>MediaView</name>
    <message>
        <source>No media sources yet</source>
        <translation>Noch keine Medienquellen</translation>
    </message>
    <message>
        <source>Music, radio, podcasts and video appear here once media sources are set up.</source>
        <translation>Musik, Radio, Podcasts und Videos erscheinen hier, sobald Medienquellen eingerichtet sind.</translation>
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
