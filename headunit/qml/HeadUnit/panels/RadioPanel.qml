pragma ComponentBehavior: Bound
import QtQuick
import HeadUnit

// Radio stations, playlists and podcasts: section chips, one message line (offline, not
// updated, the stream's error), the list in big rows (two columns on wide screens), or an
// empty state. Rows come from a list model with the roles itemId, title, subtitle,
// kind (station | track | episode), available (false: shown, but playing needs a
// connection) and group (the playlist or podcast a row belongs to; "" for none).
Item {
    id: root

    property string section: "stations"   // stations | playlists | podcasts
    property var items: null
    property string message                 // offline, not updated, or what a tap led to
    property string asOfText                // "as of 09:30" when the list is old
    property bool offline: false
    property bool loading: false
    property int hiddenCount: 0             // rows left out while driving
    property string streamError             // the player's error for a stream
    property bool streamLoading: false      // the player is connecting to a stream

    signal sectionChosen(string name)
    signal itemChosen(int row)
    signal refreshRequested()

    readonly property var sectionNames: ["stations", "playlists", "podcasts"]
    readonly property string lineText: root.streamError.length > 0 ? root.streamError
                                     : root.streamLoading ? qsTr("Connecting to the stream…")
                                     : root.message
    readonly property bool lineIsProblem: root.streamError.length > 0 || (!root.streamLoading && root.offline)
    readonly property bool empty: list.count === 0

    function sectionTitle(name) {
        switch (name) {
        case "playlists": return qsTr("Playlists");
        case "podcasts": return qsTr("Podcasts");
        default: return qsTr("Stations");
        }
    }

    function sectionIcon(name) {
        return name === "stations" ? "radio" : (name === "playlists" ? "media" : "podcast");
    }

    function emptyTitle() {
        if (root.loading)
            return qsTr("Loading…");
        switch (root.section) {
        case "playlists": return qsTr("No playlists");
        case "podcasts": return qsTr("No podcasts");
        default: return qsTr("No stations");
        }
    }

    Item {
        id: header
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: Sizes.margin
        height: Sizes.touchTarget

        Row {
            id: chips
            anchors.left: parent.left
            anchors.verticalCenter: parent.verticalCenter
            spacing: Sizes.spacing
            // each chip gets an equal share of what the header leaves; labels show where they fit
            readonly property real chipWidth: Math.min(Sizes.dp(260),
                (header.width - status.width - Sizes.spacing - 2 * spacing) / 3)

            Repeater {
                model: root.sectionNames
                ChipButton {
                    required property string modelData
                    objectName: "radioSection_" + modelData
                    width: chips.chipWidth
                    iconName: root.sectionIcon(modelData)
                    text: root.sectionTitle(modelData)
                    checked: root.section === modelData
                    onClicked: root.sectionChosen(modelData)
                }
            }
        }

        Row {
            id: status
            anchors.right: parent.right
            anchors.verticalCenter: parent.verticalCenter
            spacing: Sizes.spacing

            Text {
                objectName: "radioAsOf"
                anchors.verticalCenter: parent.verticalCenter
                visible: text.length > 0
                text: root.loading && !root.empty ? qsTr("Updating…") : root.asOfText
                color: root.offline ? Theme.warning : Theme.textMuted
                font.pixelSize: Sizes.fontCaption
                Accessible.role: Accessible.StaticText
                Accessible.name: text
            }
            TextButton {
                objectName: "radioRefresh"
                anchors.verticalCenter: parent.verticalCenter
                visible: !root.offline && !root.loading && (root.asOfText.length > 0 || root.message.length > 0)
                text: qsTr("Update")
                onClicked: root.refreshRequested()
            }
        }
    }

    Rectangle {
        id: line
        objectName: "radioMessage"
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: header.bottom
        anchors.leftMargin: Sizes.margin
        anchors.rightMargin: Sizes.margin
        anchors.topMargin: Sizes.spacing
        // an empty list says its message in the empty state instead (unless the stream failed)
        visible: root.lineText.length > 0 && (!root.empty || root.streamError.length > 0 || root.streamLoading)
        height: visible ? Math.max(Sizes.touchTarget * 0.75, lineLabel.implicitHeight + Sizes.spacing) : 0
        radius: Sizes.radius / 2
        color: root.lineIsProblem ? Theme.surfaceRaised : "transparent"
        border.color: root.lineIsProblem ? (root.streamError.length > 0 ? Theme.critical : Theme.warning)
                                         : "transparent"
        border.width: 1

        Icon {
            id: lineIcon
            anchors.left: parent.left
            anchors.leftMargin: Sizes.spacing
            anchors.verticalCenter: parent.verticalCenter
            width: Sizes.iconSmall
            height: width
            name: "alert"
            color: root.streamError.length > 0 ? Theme.critical : (root.offline ? Theme.warning : Theme.textMuted)
        }
        Text {
            id: lineLabel
            anchors.left: lineIcon.right
            anchors.right: parent.right
            anchors.leftMargin: Sizes.spacing
            anchors.rightMargin: Sizes.spacing
            anchors.verticalCenter: parent.verticalCenter
            text: root.lineText
            color: Theme.text
            font.pixelSize: Sizes.fontBody
            wrapMode: Text.Wrap
            maximumLineCount: 2
            elide: Text.ElideRight
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
    }

    GridView {
        id: list
        objectName: "radioList"
        // wide screens: two columns rather than rows too long to read across
        readonly property int columns: Math.max(1, Math.floor(width / Sizes.dp(700)))
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: line.bottom
        anchors.bottom: parent.bottom
        anchors.topMargin: Sizes.spacing / 2
        anchors.leftMargin: Sizes.margin
        anchors.rightMargin: Sizes.margin - Sizes.spacing
        clip: true
        model: root.items
        boundsBehavior: Flickable.StopAtBounds
        cellWidth: Math.floor(width / columns)
        cellHeight: Sizes.touchTarget + Sizes.spacing

        delegate: Item {
            id: row
            required property int index
            required property string itemId
            required property string title
            required property string subtitle
            required property string kind
            required property bool available
            required property string group
            width: GridView.view.cellWidth
            height: GridView.view.cellHeight
            objectName: "radioRow_" + index

            Accessible.role: Accessible.Button
            Accessible.name: row.title
            Accessible.onPressAction: root.itemChosen(row.index)

            Rectangle {
                anchors.fill: parent
                anchors.topMargin: Sizes.spacing / 4
                anchors.bottomMargin: Sizes.spacing / 4
                anchors.rightMargin: Sizes.spacing
                radius: Sizes.radius / 2
                color: tap.pressed ? Theme.surfacePressed : Theme.surface
            }
            Icon {
                id: icon
                anchors.left: parent.left
                anchors.leftMargin: Sizes.spacing
                anchors.verticalCenter: parent.verticalCenter
                width: Sizes.icon
                height: width
                name: row.kind === "station" ? "radio" : (row.kind === "track" ? "media" : "podcast")
                color: row.available ? Theme.accent : Theme.textMuted
            }
            Column {
                anchors.left: icon.right
                anchors.leftMargin: Sizes.spacing
                anchors.right: parent.right
                anchors.rightMargin: 2 * Sizes.spacing
                anchors.verticalCenter: parent.verticalCenter
                Text {
                    width: parent.width
                    text: row.title
                    color: row.available ? Theme.text : Theme.textMuted
                    font.pixelSize: Sizes.fontBody
                    elide: Text.ElideRight
                }
                Row {
                    width: parent.width
                    spacing: Sizes.spacing / 2
                    // the playlist or podcast a row belongs to, then its details
                    Text {
                        id: groupLabel
                        visible: row.group.length > 0
                        width: Math.min(implicitWidth, parent.width * 0.5)
                        text: row.group
                        color: row.available ? Theme.accent : Theme.textMuted
                        font.pixelSize: Sizes.fontCaption
                        font.bold: true
                        elide: Text.ElideRight
                    }
                    Text {
                        width: parent.width - (groupLabel.visible ? groupLabel.width + parent.spacing : 0)
                        text: row.subtitle
                        color: Theme.textMuted
                        font.pixelSize: Sizes.fontCaption
                        elide: Text.ElideRight
                    }
                }
            }
            TapHandler {
                id: tap
                gesturePolicy: TapHandler.ReleaseWithinBounds
                onTapped: root.itemChosen(row.index)
            }
        }

        footer: Item {
            width: GridView.view ? GridView.view.width : 0
            height: root.hiddenCount > 0 ? Sizes.touchTarget : 0
            Text {
                objectName: "radioHidden"
                anchors.centerIn: parent
                visible: root.hiddenCount > 0
                text: qsTr("%n more when parked", "", root.hiddenCount)
                color: Theme.textMuted
                font.pixelSize: Sizes.fontCaption
            }
        }
    }

    EmptyState {
        objectName: "radioEmpty"
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: line.bottom
        anchors.bottom: parent.bottom
        visible: root.empty
        iconName: root.sectionIcon(root.section)
        title: root.emptyTitle()
        message: root.loading ? "" : root.message
    }
}
