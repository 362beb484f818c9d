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
            sourceComponent: Component { HomeView { shell: root.shell } }
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
            sourceComponent: Component { MediaView {} }
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
            sourceComponent: Component { AppsView {} }
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
