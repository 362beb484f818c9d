import QtQuick
import HeadUnit
import HeadUnit.Stores

// The head unit's window: status bar on top, navigation rail on the left, the
// current area's view beside it. Views load lazily, so the first frame is the shell.
Window {
    id: root

    required property ShellStore shell
    required property StatusStore status
    // Set by the application after the first frame (their modules load then).
    property QtObject vehicle: null
    property QtObject restrictions: null
    property QtObject mapStore: null
    property QtObject mapSearch: null
    property QtObject route: null
    property QtObject liveData: null
    property QtObject pay: null
    property QtObject reservations: null
    property QtObject media: null
    property QtObject library: null
    property QtObject radio: null
    property QtObject video: null
    property QtObject apps: null
    property QtObject calls: null   // the desktop simulator's simulated phone call

    // True once the current view is loaded and start-up work has finished:
    // what --screenshot waits for.
    readonly property bool settled: root.shell.started && currentLoader() !== null
                                    && currentLoader().ready

    function currentLoader() {
        for (let i = 0; i < areaStack.children.length; ++i) {
            const loader = areaStack.children[i];
            if (loader.current)
                return loader;
        }
        return null;
    }

    width: 1280
    height: 720
    visible: true
    title: qsTr("Head unit")
    color: Theme.background

    Binding { target: Theme; property: "night"; value: root.shell.night }
    Binding { target: Sizes; property: "windowWidth"; value: root.width }
    Binding { target: Sizes; property: "windowHeight"; value: root.height }

    StatusBarPanel {
        id: statusBar
        objectName: "statusBar"
        anchors.top: parent.top
        width: parent.width
        clockText: root.status.clockText
        connectivity: root.status.connectivity
        pendingCount: root.status.pendingCount
        speedKmh: root.status.speedKmh
        speedKnown: root.status.speedKnown
        outsideTemperature: root.status.outsideTemperature
        outsideTemperatureKnown: root.status.outsideTemperatureKnown
        drivingState: root.status.drivingState
        night: root.shell.night
        onThemeToggleRequested: root.shell.toggleTheme()
    }

    // Now playing, from every screen: in the status bar's free middle.
    NowPlayingPanel {
        objectName: "nowPlaying"
        parent: statusBar.middle
        anchors.fill: parent
        visible: root.media !== null && root.media.hasTrack
        title: root.media !== null ? root.media.title : ""
        artist: root.media !== null ? root.media.artist : ""
        coverUrl: root.media !== null ? root.media.coverUrl : ""
        playing: root.media !== null && root.media.playing
        loading: root.media !== null && root.media.loading
        hasTrack: root.media !== null && root.media.hasTrack
        canNext: root.media !== null && root.media.canNext
        onTogglePlayRequested: root.media.togglePlay()
        onNextRequested: root.media.next()
        onOpenRequested: root.shell.openArea("media")
    }

    // A keyboard's (or the desktop simulator's) media keys, like the steering wheel's.
    Shortcut {
        sequences: ["Media Play", "Media Pause", "Toggle Media Play/Pause"]
        enabled: root.media !== null
        onActivated: root.media.mediaAction("PLAY")
    }
    Shortcut {
        sequence: "Media Next"
        enabled: root.media !== null
        onActivated: root.media.mediaAction("SKIP_FORWARD")
    }
    Shortcut {
        sequence: "Ctrl+Shift+C"
        enabled: root.calls !== null
        onActivated: root.calls.toggleCall()
    }
    Shortcut {
        sequence: "Media Previous"
        enabled: root.media !== null
        onActivated: root.media.mediaAction("SKIP_BACKWARD")
    }

    NavigationRailPanel {
        id: rail
        objectName: "navigationRail"
        anchors.top: statusBar.bottom
        anchors.bottom: parent.bottom
        areas: root.shell.areas
        currentArea: root.shell.currentArea
        onAreaSelected: (key) => root.shell.openArea(key)
    }

    Item {
        id: areaStack
        anchors.top: statusBar.bottom
        anchors.left: rail.right
        anchors.right: parent.right
        anchors.bottom: parent.bottom

        AreaLoader {
            objectName: "homeLoader"
            anchors.fill: parent
            current: root.shell.currentArea === "home"
            sourceComponent: Component { HomeView { shell: root.shell; apps: root.apps; media: root.media } }
        }
        AreaLoader {
            objectName: "mapLoader"
            anchors.fill: parent
            current: root.shell.currentArea === "map"
            available: root.mapStore !== null && root.mapSearch !== null && root.route !== null
                       && root.restrictions !== null
            sourceComponent: Component {
                MapView {
                    map: root.mapStore; search: root.mapSearch; route: root.route; restrictions: root.restrictions
                    liveData: root.liveData
                    pay: root.pay
                    reservations: root.reservations
                }
            }
        }
        AreaLoader {
            objectName: "mediaLoader"
            anchors.fill: parent
            current: root.shell.currentArea === "media"
            available: root.media !== null
            sourceComponent: Component { MediaView { media: root.media; apps: root.apps } }
        }
        AreaLoader {
            objectName: "vehicleLoader"
            anchors.fill: parent
            current: root.shell.currentArea === "vehicle"
            available: root.vehicle !== null && root.restrictions !== null
            sourceComponent: Component { VehicleView { vehicle: root.vehicle; restrictions: root.restrictions } }
        }
        AreaLoader {
            objectName: "appsLoader"
            anchors.fill: parent
            current: root.shell.currentArea === "apps"
            available: root.apps !== null && root.restrictions !== null
            sourceComponent: Component { AppsView { apps: root.apps; restrictions: root.restrictions } }
        }
    }

    NoticePanel {
        objectName: "notice"
        anchors.left: areaStack.left
        anchors.right: areaStack.right
        anchors.bottom: parent.bottom
        anchors.margins: Sizes.margin
        text: root.shell.notice
        onDismissed: root.shell.dismissNotice()
    }
}
