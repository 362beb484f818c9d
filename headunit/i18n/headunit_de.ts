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
    <name>Main</name>
    <message>
        <source>Head unit</source>
        <translation>Headunit</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <source>No map installed</source>
        <translation>Keine Karte installiert</translation>
    </message>
    <message>
        <source>The offline map, place search and routing appear here once map data is installed on this unit.</source>
        <translation>Offline-Karte, Ortssuche und Routenplanung erscheinen hier, sobald Kartendaten auf diesem Gerät installiert sind.</translation>
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
    <name>Startup</name>
    <message>
        <source>Saved data comes from a newer software version and was left untouched. Settings and history are unavailable until the software is updated.</source>
        <translation>Gespeicherte Daten stammen von neuerer Software und bleiben unverändert. Einstellungen und Verlauf sind erst nach einem Update verfügbar.</translation>
    </message>
    <message>
        <source>Saved data could not be opened. Settings and history are unavailable.</source>
        <translation>Gespeicherte Daten konnten nicht geöffnet werden. Einstellungen und Verlauf sind nicht verfügbar.</translation>
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
        <source>Network unknown</source>
        <translation>Netz unbekannt</translation>
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
        <source>Switch to day theme</source>
        <translation>Zum Tagmodus wechseln</translation>
    </message>
    <message>
        <source>Switch to night theme</source>
        <translation>Zum Nachtmodus wechseln</translation>
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
</context>
</TS>
