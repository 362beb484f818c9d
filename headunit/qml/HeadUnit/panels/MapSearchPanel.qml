import QtQuick
import HeadUnit

// The map's search bar: a text field (only while typing is allowed, i.e. parked)
// and the nearest parking / fuel / charging buttons, usable while moving.
Rectangle {
    id: root

    property bool keyboardAllowed: true
    property string activeMode: ""     // "", "search", "parking", "fuel", "charging"
    property string text: field.text

    signal textEdited(string text)
    signal nearestRequested(string category)
    signal cleared()

    function clearText() { field.text = ""; }

    implicitHeight: column.implicitHeight + 2 * Sizes.spacing
    radius: Sizes.radius
    color: Theme.surface
    border.color: Theme.divider

    // Presses on the panel stay on it: the map underneath must not pan or pick a point.
    MouseArea { anchors.fill: parent; acceptedButtons: Qt.AllButtons; onWheel: (wheel) => wheel.accepted = true }

    Column {
        id: column
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: Sizes.spacing
        spacing: Sizes.spacing

        Rectangle {
            id: box
            objectName: "searchBox"
            width: column.width
            height: Sizes.touchTarget
            radius: height / 2
            color: Theme.surfaceRaised
            border.color: field.activeFocus ? Theme.accent : Theme.divider
            opacity: root.keyboardAllowed ? 1 : 0.55

            Icon {
                id: searchIcon
                anchors.left: parent.left
                anchors.leftMargin: Sizes.spacing
                anchors.verticalCenter: parent.verticalCenter
                width: Sizes.iconSmall
                height: width
                name: "search"
                color: Theme.textMuted
            }
            TextInput {
                id: field
                objectName: "searchField"
                anchors.left: searchIcon.right
                anchors.right: clear.left
                anchors.margins: Sizes.spacing
                anchors.verticalCenter: parent.verticalCenter
                enabled: root.keyboardAllowed
                color: Theme.text
                font.pixelSize: Sizes.fontBody
                clip: true
                maximumLength: 100
                inputMethodHints: Qt.ImhNoPredictiveText
                onTextEdited: root.textEdited(text)
                Accessible.role: Accessible.EditableText
                Accessible.name: qsTr("Search places")
            }
            Text {
                anchors.fill: field
                verticalAlignment: Text.AlignVCenter
                visible: field.text.length === 0
                text: root.keyboardAllowed ? qsTr("Search places") : qsTr("Search when parked")
                color: Theme.textMuted
                font.pixelSize: Sizes.fontBody
                elide: Text.ElideRight
            }
            RoundButton {
                id: clear
                objectName: "searchClear"
                anchors.right: parent.right
                anchors.verticalCenter: parent.verticalCenter
                width: visible ? parent.height : 0
                height: parent.height
                visible: field.text.length > 0 || root.activeMode !== ""
                iconName: "close"
                accessibleName: qsTr("Clear search")
                onClicked: { field.text = ""; root.cleared(); }
            }
        }

        Row {
            id: categories
            // labels on all three chips, or on none (the icons alone read as a set)
            readonly property bool labelsFit: chips.count === 3 && chips.itemAt(0) !== null && chips.itemAt(0).textFits
                                              && chips.itemAt(1).textFits && chips.itemAt(2).textFits
            spacing: Sizes.spacing
            Repeater {
                id: chips
                model: [
                    { key: "parking", icon: "parking", label: qsTr("Parking") },
                    { key: "fuel", icon: "fuel", label: qsTr("Fuel") },
                    { key: "charging", icon: "charging", label: qsTr("Charging") }
                ]
                delegate: ChipButton {
                    required property var modelData
                    objectName: "nearest_" + modelData.key
                    width: (column.width - 2 * categories.spacing) / 3
                    iconName: modelData.icon
                    text: modelData.label
                    showText: categories.labelsFit
                    checked: root.activeMode === modelData.key
                    onClicked: root.nearestRequested(modelData.key)
                }
            }
        }
    }
}
