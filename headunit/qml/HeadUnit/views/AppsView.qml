import QtQuick
import HeadUnit

// The Apps area: the launcher grid, "Get more apps" (partner apps), and the one running
// app, hosted here. The app's QML is created from its entry file with its host (an
// AppContext) and kept alive behind the grid and while other areas are shown; launching
// another app replaces it. `apps` is an AppsStore and `restrictions` a RestrictionsStore,
// typed QtObject because they register after the first frame.
Item {
    id: root

    property QtObject apps: null
    property QtObject restrictions: null

    property string page: "grid"   // the launcher's page: "grid" or "catalogue"
    readonly property bool appInFront: root.apps !== null && root.apps.appShown
    property Item appItem: null    // the running app's root item
    property string appUrl: ""     // the entry it was created from

    // Create the running app when the store names a new one; destroy the previous.
    function syncApp() {
        const url = root.apps === null ? "" : root.apps.currentEntryUrl;
        if (url === root.appUrl)
            return;
        if (root.appItem !== null) {
            root.appItem.destroy();
            root.appItem = null;
        }
        root.appUrl = url;
        if (url === "")
            return;
        const component = Qt.createComponent(url);
        if (component.status !== Component.Ready) {
            root.apps.reportAppError(root.apps.currentAppId, component.errorString());
            return;
        }
        const item = component.createObject(appHost, {"host": root.apps.currentContext});
        if (item === null) {
            root.apps.reportAppError(root.apps.currentAppId, "its root object could not be created");
            return;
        }
        item.anchors.fill = appHost;
        root.appItem = item;
    }

    Component.onCompleted: root.syncApp()
    onAppsChanged: {
        root.syncApp();
        if (root.apps !== null)
            root.apps.setPerPage(grid.perPage);
    }

    Connections {
        target: root.apps
        function onCurrentChanged() { root.syncApp(); }
    }

    EmptyState {
        anchors.fill: parent
        visible: root.apps === null || (root.apps.ready && root.apps.appCount === 0 && root.page === "grid")
        iconName: "apps"
        title: root.apps === null ? qsTr("Apps are starting") : qsTr("No apps installed")
        message: qsTr("Partner apps you install appear here.")
    }

    // --- the launcher ---

    Item {
        id: launcher
        objectName: "launcher"
        anchors.fill: parent
        anchors.margins: Sizes.margin
        visible: root.apps !== null && !root.appInFront

        Text {
            id: launcherTitle
            anchors.left: parent.left
            anchors.verticalCenter: switchPage.verticalCenter
            anchors.right: switchPage.left
            anchors.rightMargin: Sizes.spacing
            text: root.page === "grid" ? qsTr("All apps") : qsTr("Get more apps")
            color: Theme.text
            font.pixelSize: Sizes.fontTitle
            font.bold: true
            elide: Text.ElideRight
        }

        TextButton {
            id: switchPage
            objectName: root.page === "grid" ? "getMoreApps" : "backToGrid"
            anchors.top: parent.top
            anchors.right: parent.right
            text: root.page === "grid" ? qsTr("Get more apps") : qsTr("All apps")
            onClicked: {
                root.page = root.page === "grid" ? "catalogue" : "grid";
                if (root.page === "catalogue")
                    root.apps.refreshCatalogue();
            }
        }

        LauncherGridPanel {
            id: grid
            objectName: "launcherGrid"
            anchors.top: switchPage.bottom
            anchors.topMargin: Sizes.spacing
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.bottom: parent.bottom
            visible: root.page === "grid"
            model: root.apps === null ? null : root.apps.apps
            moving: root.apps !== null && root.apps.moving
            onLaunchRequested: (appId) => root.apps.launch(appId)
            onMoveRequested: (from, to) => root.apps.move(from, to)
            onPerPageChanged: if (root.apps !== null) root.apps.setPerPage(grid.perPage)
            Component.onCompleted: if (root.apps !== null) root.apps.setPerPage(grid.perPage)
        }

        PartnerAppsPanel {
            objectName: "partnerApps"
            anchors.fill: grid
            visible: root.page === "catalogue"
            model: root.apps === null ? null : root.apps.catalogue
            message: root.apps === null ? "" : root.apps.catalogueMessage
            canRetry: root.apps !== null && root.apps.catalogueFailed && !root.apps.catalogueLoading
            maximumItems: root.restrictions === null ? -1 : root.restrictions.maxListItems
            onInstallRequested: (appId) => root.apps.install(appId)
            onRemoveRequested: (appId) => root.apps.uninstall(appId)
            onRetryRequested: root.apps.refreshCatalogue()
        }
    }

    // --- the running app ---

    Item {
        id: running
        objectName: "runningApp"
        anchors.fill: parent
        visible: root.appInFront

        Rectangle {
            id: appBar
            anchors.top: parent.top
            anchors.left: parent.left
            anchors.right: parent.right
            height: Sizes.touchTarget + 2 * Sizes.spacing
            color: Theme.surface

            TextButton {
                id: backButton
                objectName: "backToApps"
                anchors.left: parent.left
                anchors.leftMargin: Sizes.margin
                anchors.verticalCenter: parent.verticalCenter
                text: qsTr("All apps")
                onClicked: root.apps.showLauncher()
            }

            Text {
                objectName: "runningAppName"
                anchors.left: backButton.right
                anchors.right: closeButton.left
                anchors.margins: Sizes.margin
                anchors.verticalCenter: parent.verticalCenter
                horizontalAlignment: Text.AlignHCenter
                text: root.apps === null ? "" : root.apps.currentName
                color: Theme.text
                font.pixelSize: Sizes.fontTitle
                font.bold: true
                elide: Text.ElideRight
            }

            RoundButton {
                id: closeButton
                objectName: "closeApp"
                anchors.right: parent.right
                anchors.rightMargin: Sizes.margin
                anchors.verticalCenter: parent.verticalCenter
                iconName: "close"
                accessibleName: qsTr("Close %1").arg(root.apps === null ? "" : root.apps.currentName)
                onClicked: root.apps.closeApp()
            }

            Rectangle {
                anchors.bottom: parent.bottom
                width: parent.width
                height: 1
                color: Theme.divider
            }
        }

        Item {
            id: appHost
            objectName: "appHost"
            anchors.top: appBar.bottom
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.bottom: parent.bottom
            clip: true
            readonly property bool usable: root.apps !== null && !root.apps.currentBlocked && !root.apps.currentFailed
            visible: usable
            enabled: usable
        }

        EmptyState {
            objectName: "appPausedWhileDriving"
            anchors.fill: appHost
            visible: root.apps !== null && root.apps.currentBlocked && !root.apps.currentFailed
            iconName: "vehicle"
            title: qsTr("Paused while driving")
            message: qsTr("%1 can be used when the car is parked.").arg(root.apps === null ? "" : root.apps.currentName)
        }

        EmptyState {
            objectName: "appFailed"
            anchors.fill: appHost
            visible: root.apps !== null && root.apps.currentFailed
            iconName: "alert"
            title: qsTr("This app could not be started")
            message: qsTr("Close it and try again later. If it keeps failing, it may need an update.")
        }
    }
}
