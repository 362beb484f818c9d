pragma ComponentBehavior: Bound
import QtQuick
import HeadUnit

// The local music library: tabs (artists, albums, songs), a header with the place's title
// and a back button, and the list in big rows (two columns on wide screens) with cover
// thumbnails; or an empty state while the first scan runs or when there is no music.
// Models: artists (name, detail), albums (title, artist, coverUrl), songs (title, artist,
// album, durationText, coverUrl); "" for an artist or album means it is not tagged.
Item {
    id: root

    property string view: "artists"        // the list shown: artists | albums | songs
    property string tab: "artists"         // the tab it was reached from
    property string title
    property bool canGoBack: false
    property var artists: null
    property var albums: null
    property var songs: null
    property bool scanning: false
    property int trackCount: 0
    property string lastScanText           // "6 songs · 1 file skipped"
    property string limitedText            // "Showing 21 of 40 — more when parked" while driving

    signal tabChosen(string name)
    signal artistChosen(string name)
    signal albumChosen(string title, string artist)
    signal songChosen(int row)
    signal backRequested()
    signal playAllRequested()
    signal shuffleRequested()

    readonly property var tabNames: ["artists", "albums", "songs"]
    readonly property var currentList: root.view === "albums" ? albumList
                                     : (root.view === "songs" ? songList : artistList)
    readonly property bool empty: root.currentList.count === 0

    function tabTitle(name) {
        switch (name) {
        case "albums": return qsTr("Albums");
        case "songs": return qsTr("Songs");
        default: return qsTr("Artists");
        }
    }

    function tabIcon(name) {
        return name === "songs" ? "media" : (name === "albums" ? "apps" : "sight");
    }

    function artistText(name) {
        return name.length > 0 ? name : qsTr("Unknown artist");
    }

    function albumText(name) {
        return name.length > 0 ? name : qsTr("Unknown album");
    }

    // One row of a list: a press highlight, a tap, and an accessible name.
    component ListRow: Item {
        id: rowItem
        property string accessibleName
        property alias pressed: rowTap.pressed
        signal tapped()
        width: GridView.view ? GridView.view.cellWidth : 0
        height: GridView.view ? GridView.view.cellHeight : 0
        Accessible.role: Accessible.Button
        Accessible.name: rowItem.accessibleName
        Accessible.onPressAction: rowItem.tapped()
        Rectangle {
            anchors.fill: parent
            anchors.topMargin: Sizes.spacing / 4
            anchors.bottomMargin: Sizes.spacing / 4
            anchors.rightMargin: Sizes.spacing
            radius: Sizes.radius / 2
            color: rowTap.pressed ? Theme.surfacePressed : Theme.surface
        }
        TapHandler {
            id: rowTap
            gesturePolicy: TapHandler.ReleaseWithinBounds
            onTapped: rowItem.tapped()
        }
    }

    // Title and subtitle, one line each, elided.
    component Lines: Column {
        property string first
        property string second
        property bool firstMuted: false
        Text {
            width: parent.width
            text: parent.first
            color: parent.firstMuted ? Theme.textMuted : Theme.text
            font.pixelSize: Sizes.fontBody
            elide: Text.ElideRight
        }
        Text {
            width: parent.width
            visible: text.length > 0
            text: parent.second
            color: Theme.textMuted
            font.pixelSize: Sizes.fontCaption
            elide: Text.ElideRight
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
            // each chip gets an equal share of what the play buttons leave; labels show where they fit
            readonly property real chipWidth: Math.min(Sizes.dp(240),
                (header.width - actions.width - Sizes.spacing - 2 * spacing) / 3)

            Repeater {
                model: root.tabNames
                ChipButton {
                    required property string modelData
                    objectName: "libraryTab_" + modelData
                    width: chips.chipWidth
                    iconName: root.tabIcon(modelData)
                    text: root.tabTitle(modelData)
                    checked: root.tab === modelData
                    onClicked: root.tabChosen(modelData)
                }
            }
        }

        Row {
            id: actions
            anchors.right: parent.right
            anchors.verticalCenter: parent.verticalCenter
            spacing: Sizes.spacing

            TextButton {
                objectName: "libraryShuffle"
                enabled: root.trackCount > 0
                text: qsTr("Shuffle")
                onClicked: root.shuffleRequested()
            }
            TextButton {
                objectName: "libraryPlayAll"
                enabled: root.trackCount > 0
                accent: true
                text: qsTr("Play all")
                onClicked: root.playAllRequested()
            }
        }
    }

    Item {
        id: place
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: header.bottom
        anchors.leftMargin: Sizes.margin
        anchors.rightMargin: Sizes.margin
        anchors.topMargin: Sizes.spacing / 2
        height: Sizes.touchTarget

        Item {
            id: back
            objectName: "libraryBack"
            anchors.left: parent.left
            anchors.verticalCenter: parent.verticalCenter
            visible: root.canGoBack
            width: visible ? backLabel.implicitWidth + 2 * Sizes.margin : 0
            height: Sizes.touchTarget
            Accessible.role: Accessible.Button
            Accessible.name: qsTr("Back")
            Accessible.onPressAction: root.backRequested()
            Rectangle {
                anchors.fill: parent
                radius: height / 2
                color: backTap.pressed ? Theme.surfacePressed : Theme.surfaceRaised
                border.color: Theme.divider
                border.width: 1
            }
            Row {
                id: backLabel
                anchors.centerIn: parent
                spacing: Sizes.spacing / 2
                Text {
                    anchors.verticalCenter: parent.verticalCenter
                    anchors.verticalCenterOffset: -font.pixelSize * 0.08
                    text: "‹"
                    color: Theme.text
                    font.pixelSize: Sizes.fontDisplay
                    font.bold: true
                }
                Text {
                    anchors.verticalCenter: parent.verticalCenter
                    text: qsTr("Back")
                    color: Theme.text
                    font.pixelSize: Sizes.fontBody
                    font.bold: true
                }
            }
            TapHandler {
                id: backTap
                gesturePolicy: TapHandler.ReleaseWithinBounds
                onTapped: root.backRequested()
            }
        }

        Text {
            id: placeTitle
            objectName: "libraryTitle"
            anchors.left: back.right
            anchors.leftMargin: back.visible ? Sizes.spacing : 0
            anchors.right: status.left
            anchors.rightMargin: Sizes.spacing
            anchors.verticalCenter: parent.verticalCenter
            text: root.title
            color: Theme.text
            font.pixelSize: Sizes.fontTitle
            font.bold: true
            elide: Text.ElideRight
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }

        Text {
            id: status
            objectName: "libraryStatus"
            anchors.right: parent.right
            anchors.verticalCenter: parent.verticalCenter
            width: Math.min(implicitWidth, parent.width * 0.55)
            // while driving, what the list leaves out matters more than the scan's summary
            text: root.limitedText.length > 0 ? root.limitedText
                : (root.scanning ? (emptyState.visible ? "" : qsTr("Looking for new music…")) : root.lastScanText)
            color: root.limitedText.length > 0 ? Theme.warning : Theme.textMuted
            font.pixelSize: Sizes.fontCaption
            font.bold: root.limitedText.length > 0
            elide: Text.ElideRight
            horizontalAlignment: Text.AlignRight
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
    }

    // The three lists share the space under the header; the current view's list is shown.
    component List: GridView {
        // wide screens: two columns rather than rows too long to read across
        readonly property int columns: Math.max(1, Math.floor(width / Sizes.dp(700)))
        anchors.fill: parent
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        cellWidth: Math.floor(width / columns)
        cellHeight: Sizes.touchTarget + Sizes.spacing
    }

    Item {
        id: body
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: place.bottom
        anchors.bottom: parent.bottom
        anchors.topMargin: Sizes.spacing / 2
        anchors.leftMargin: Sizes.margin
        anchors.rightMargin: Sizes.margin - Sizes.spacing

        List {
            id: artistList
            objectName: "artistList"
            visible: root.view === "artists"
            model: root.artists

            delegate: ListRow {
                id: artistRow
                required property int index
                required property string name
                required property string detail
                objectName: "artistRow_" + index
                accessibleName: root.artistText(name)
                onTapped: root.artistChosen(artistRow.name)

                Rectangle {
                    id: avatar
                    anchors.left: parent.left
                    anchors.leftMargin: Sizes.spacing
                    anchors.verticalCenter: parent.verticalCenter
                    width: Sizes.touchTarget * 0.8
                    height: width
                    radius: width / 2
                    color: Theme.accentSoft
                    Text {
                        anchors.centerIn: parent
                        text: artistRow.name.length > 0 ? artistRow.name.charAt(0).toUpperCase() : "?"
                        color: Theme.accent
                        font.pixelSize: Sizes.fontTitle
                        font.bold: true
                    }
                }
                Lines {
                    anchors.left: avatar.right
                    anchors.leftMargin: Sizes.spacing
                    anchors.right: artistChevron.left
                    anchors.rightMargin: Sizes.spacing
                    anchors.verticalCenter: parent.verticalCenter
                    first: root.artistText(artistRow.name)
                    firstMuted: artistRow.name.length === 0
                    second: artistRow.detail
                }
                Text {
                    id: artistChevron
                    anchors.right: parent.right
                    anchors.rightMargin: 2 * Sizes.spacing
                    anchors.verticalCenter: parent.verticalCenter
                    text: "›"
                    color: Theme.textMuted
                    font.pixelSize: Sizes.fontTitle
                }
            }
        }

        List {
            id: albumList
            objectName: "albumList"
            visible: root.view === "albums"
            model: root.albums

            delegate: ListRow {
                id: albumRow
                required property int index
                required property string title
                required property string artist
                required property string coverUrl
                objectName: "albumRow_" + index
                accessibleName: root.albumText(title)
                onTapped: root.albumChosen(albumRow.title, albumRow.artist)

                CoverArt {
                    id: albumCover
                    objectName: "cover"
                    anchors.left: parent.left
                    anchors.leftMargin: Sizes.spacing / 2
                    anchors.verticalCenter: parent.verticalCenter
                    width: Sizes.touchTarget - Sizes.spacing / 2
                    source: albumRow.coverUrl
                }
                Lines {
                    anchors.left: albumCover.right
                    anchors.leftMargin: Sizes.spacing
                    anchors.right: albumChevron.left
                    anchors.rightMargin: Sizes.spacing
                    anchors.verticalCenter: parent.verticalCenter
                    first: root.albumText(albumRow.title)
                    firstMuted: albumRow.title.length === 0
                    second: root.artistText(albumRow.artist)
                }
                Text {
                    id: albumChevron
                    anchors.right: parent.right
                    anchors.rightMargin: 2 * Sizes.spacing
                    anchors.verticalCenter: parent.verticalCenter
                    text: "›"
                    color: Theme.textMuted
                    font.pixelSize: Sizes.fontTitle
                }
            }
        }

        List {
            id: songList
            objectName: "songList"
            visible: root.view === "songs"
            model: root.songs

            delegate: ListRow {
                id: songRow
                required property int index
                required property string title
                required property string artist
                required property string album
                required property string durationText
                required property string coverUrl
                objectName: "songRow_" + index
                accessibleName: title
                onTapped: root.songChosen(songRow.index)

                CoverArt {
                    id: songCover
                    objectName: "cover"
                    anchors.left: parent.left
                    anchors.leftMargin: Sizes.spacing / 2
                    anchors.verticalCenter: parent.verticalCenter
                    width: Sizes.touchTarget - Sizes.spacing / 2
                    source: songRow.coverUrl
                }
                Lines {
                    anchors.left: songCover.right
                    anchors.leftMargin: Sizes.spacing
                    anchors.right: duration.left
                    anchors.rightMargin: Sizes.spacing
                    anchors.verticalCenter: parent.verticalCenter
                    first: songRow.title
                    second: songRow.album.length > 0 ? root.artistText(songRow.artist) + " · " + songRow.album
                                                      : root.artistText(songRow.artist)
                }
                Text {
                    id: duration
                    anchors.right: parent.right
                    anchors.rightMargin: 2 * Sizes.spacing
                    anchors.verticalCenter: parent.verticalCenter
                    text: songRow.durationText
                    color: Theme.textMuted
                    font.pixelSize: Sizes.fontCaption
                }
            }
        }
    }

    EmptyState {
        id: emptyState
        objectName: "libraryEmpty"
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: body.top
        anchors.bottom: parent.bottom
        visible: root.empty && (root.scanning || root.trackCount === 0)
        iconName: "media"
        title: root.scanning ? qsTr("Looking for music…") : qsTr("No music found")
        message: root.scanning ? qsTr("The first look through a large library takes a moment.")
                               : qsTr("Copy songs into the music folder; they appear here by themselves.")
    }
}
