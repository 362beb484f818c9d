pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Shapes
import HeadUnit

// Pay with the in-car wallet (step 4 of 5): the amount and a PIN pad with a fixed layout.
// The digits typed stay inside this panel (never in a public property, a text or an
// accessible name: the pad shows dots) and are cleared once sent, when the panel turns
// busy or hidden, and by clear(). Digits, Backspace and Enter also work from a keyboard.
Rectangle {
    id: root

    property string amountText
    property string merchant
    property string message            // "Wrong PIN: 2 tries left"
    property bool busy: false
    property int minLength: 4
    property int maxLength: 6
    property int step: 0
    property int steps: 0

    signal pinEntered(string pin)
    signal useQrRequested()
    signal cancelRequested()
    signal backRequested()

    readonly property int enteredCount: secret.digits.length
    readonly property bool canSubmit: enteredCount >= minLength && !busy

    function clear() {
        secret.digits = "";
    }

    function addDigit(digit) {
        if (!root.busy && secret.digits.length < root.maxLength)
            secret.digits += digit;
    }

    function removeDigit() {
        if (!root.busy)
            secret.digits = secret.digits.slice(0, -1);
    }

    function submit() {
        if (!root.canSubmit)
            return;
        const pin = secret.digits;
        root.clear();
        root.pinEntered(pin);
    }

    QtObject {
        id: secret
        property string digits
    }

    onBusyChanged: if (busy) clear()
    onVisibleChanged: if (!visible) clear()

    radius: Sizes.radius
    color: Theme.surface
    border.color: Theme.divider
    focus: true
    activeFocusOnTab: true

    Keys.onPressed: (event) => {
        if (event.key >= Qt.Key_0 && event.key <= Qt.Key_9) {
            root.addDigit(String(event.key - Qt.Key_0));
            event.accepted = true;
        } else if (event.key === Qt.Key_Backspace || event.key === Qt.Key_Delete) {
            root.removeDigit();
            event.accepted = true;
        } else if (event.key === Qt.Key_Return || event.key === Qt.Key_Enter) {
            root.submit();
            event.accepted = true;
        }
    }

    // Presses on the panel stay on it (the map underneath must not pan); a press also
    // gives the panel the keyboard focus.
    MouseArea {
        anchors.fill: parent
        acceptedButtons: Qt.AllButtons
        onPressed: root.forceActiveFocus()
        onWheel: (wheel) => wheel.accepted = true
    }

    FontMetrics { id: bodyMetrics; font.pixelSize: Sizes.fontBody }

    component PinKey: Item {
        id: key
        property string label
        property string glyph              // an SVG path on a 24x24 grid, drawn instead of the label
        property string accessibleName: label
        property bool primary: false
        signal activated()

        opacity: enabled ? 1 : 0.4
        Accessible.role: Accessible.Button
        Accessible.name: key.accessibleName
        Accessible.onPressAction: if (key.enabled) key.activated()

        Rectangle {
            anchors.fill: parent
            radius: Sizes.radius
            color: keyTap.pressed ? Theme.surfacePressed : (key.primary ? Theme.accent : Theme.surfaceRaised)
            border.color: key.primary ? Theme.accent : Theme.divider
            border.width: 1
        }
        Text {
            anchors.centerIn: parent
            visible: key.glyph.length === 0
            text: key.label
            color: key.primary && !keyTap.pressed ? Theme.accentText : Theme.text
            font.pixelSize: Sizes.fontTitle
            font.bold: true
        }
        Shape {
            anchors.centerIn: parent
            visible: key.glyph.length > 0
            width: 24
            height: 24
            scale: Sizes.icon / 24
            preferredRendererType: Shape.CurveRenderer
            ShapePath {
                strokeWidth: -1
                strokeColor: "transparent"
                fillColor: Theme.text
                fillRule: ShapePath.OddEvenFill
                PathSvg { path: key.glyph }
            }
        }
        TapHandler {
            id: keyTap
            gesturePolicy: TapHandler.ReleaseWithinBounds  // exclusive: a map underneath never sees the tap
            enabled: key.enabled
            onTapped: key.activated()
        }
    }

    Item {
        id: header
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: Sizes.margin
        height: Math.max(back.height, titles.implicitHeight)

        RoundButton {
            id: back
            objectName: "pinPadBack"
            anchors.left: parent.left
            anchors.verticalCenter: parent.verticalCenter
            iconName: "close"
            accessibleName: qsTr("Back")
            onClicked: root.backRequested()
        }
        Column {
            id: titles
            anchors.left: back.right
            anchors.leftMargin: Sizes.spacing
            anchors.right: parent.right
            anchors.verticalCenter: parent.verticalCenter
            Text {
                width: parent.width
                text: qsTr("Enter your PIN")
                color: Theme.text
                font.pixelSize: Sizes.fontTitle
                font.bold: true
                elide: Text.ElideRight
            }
            Text {
                width: parent.width
                visible: root.steps > 0
                text: qsTr("Step %1 of %2").arg(root.step).arg(root.steps)
                color: Theme.textMuted
                font.pixelSize: Sizes.fontCaption
                elide: Text.ElideRight
            }
        }
    }

    Item {
        id: body
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: header.bottom
        anchors.bottom: parent.bottom
        anchors.margins: Sizes.margin
        anchors.topMargin: Sizes.spacing

        readonly property real gap: Sizes.spacing / 2
        // Info over the pad over the buttons when that fits the height, else the pad on the right.
        readonly property bool stacked: height >= info.height + actions.implicitHeight + 4 * Sizes.touchTarget
                                                 + 3 * gap + 2 * Sizes.spacing
        readonly property real keyHeight: stacked
            ? Math.max(Sizes.touchTarget, Math.min(Sizes.touchTarget * 1.25,
                       (height - info.height - actions.implicitHeight - 2 * Sizes.spacing - 3 * gap) / 4))
            : Math.max(Sizes.touchTarget, Math.min(Sizes.touchTarget * 1.4, (height - 3 * gap) / 4))
        readonly property real keyWidth: stacked
            ? Math.max(Sizes.touchTarget, Math.min(keyHeight * 2, (width - 2 * gap) / 3))
            : Math.max(Sizes.touchTarget, Math.min(keyHeight * 1.6, (width * 0.5 - 2 * gap) / 3))
        readonly property real sideWidth: stacked ? width : width - keypad.width - Sizes.margin

        Column {
            id: info
            width: body.sideWidth
            spacing: Sizes.spacing / 2

            Text {
                objectName: "pinAmount"
                width: parent.width
                horizontalAlignment: body.stacked ? Text.AlignHCenter : Text.AlignLeft
                text: root.amountText
                color: Theme.text
                font.pixelSize: Sizes.fontDisplay
                font.bold: true
                elide: Text.ElideRight
                Accessible.role: Accessible.StaticText
                Accessible.name: qsTr("Amount %1").arg(root.amountText)
            }
            Text {
                width: parent.width
                visible: root.merchant.length > 0
                horizontalAlignment: body.stacked ? Text.AlignHCenter : Text.AlignLeft
                text: root.merchant
                color: Theme.textMuted
                font.pixelSize: Sizes.fontBody
                wrapMode: Text.Wrap
                maximumLineCount: 2
                elide: Text.ElideRight
            }
            Item {
                width: parent.width
                height: Sizes.iconSmall + Sizes.spacing
                Row {
                    id: dots
                    objectName: "pinDots"
                    readonly property int count: root.enteredCount
                    anchors.verticalCenter: parent.verticalCenter
                    x: body.stacked ? (parent.width - width) / 2 : 0
                    spacing: Sizes.spacing
                    Accessible.role: Accessible.StaticText
                    Accessible.name: qsTr("%n digits entered", "", root.enteredCount)
                    Repeater {
                        // filled dots for the digits typed, hollow ones up to the shortest PIN
                        model: Math.max(root.minLength, root.enteredCount)
                        Rectangle {
                            required property int index
                            width: Sizes.iconSmall / 1.6
                            height: width
                            radius: width / 2
                            color: index < root.enteredCount ? Theme.text : "transparent"
                            border.color: index < root.enteredCount ? Theme.text : Theme.textMuted
                            border.width: 2
                        }
                    }
                }
            }
            Item {
                // two lines kept, so the pad does not move when a message comes
                width: parent.width
                height: Math.max(2 * bodyMetrics.height, message.implicitHeight)
                Text {
                    id: message
                    objectName: "pinMessage"
                    width: parent.width
                    horizontalAlignment: body.stacked ? Text.AlignHCenter : Text.AlignLeft
                    text: root.message.length > 0 ? root.message : (root.busy ? qsTr("Checking your PIN…") : "")
                    color: root.message.length > 0 ? Theme.critical : Theme.textMuted
                    font.pixelSize: Sizes.fontBody
                    wrapMode: Text.Wrap
                    maximumLineCount: 2
                    elide: Text.ElideRight
                    Accessible.role: Accessible.AlertMessage
                    Accessible.name: text
                }
            }
        }

        Grid {
            id: keypad
            objectName: "pinKeypad"
            columns: 3
            spacing: body.gap
            x: body.stacked ? (body.width - width) / 2 : body.width - width
            y: body.stacked ? info.height + Sizes.spacing : Math.max(0, (body.height - height) / 2)

            Repeater {
                model: ["1", "2", "3", "4", "5", "6", "7", "8", "9"]
                PinKey {
                    required property string modelData
                    objectName: "pinKey" + modelData
                    width: body.keyWidth
                    height: body.keyHeight
                    label: modelData
                    enabled: !root.busy && root.enteredCount < root.maxLength
                    onActivated: root.addDigit(modelData)
                }
            }
            PinKey {
                objectName: "pinDelete"
                width: body.keyWidth
                height: body.keyHeight
                // a backspace key: a left-pointing tag with a cross cut out
                glyph: "M8.5 5 H20 A2 2 0 0 1 22 7 V17 A2 2 0 0 1 20 19 H8.5 L2.5 12 Z "
                       + "M12.1 8.5 L15 11.4 L17.9 8.5 L18.5 9.1 L15.6 12 L18.5 14.9 L17.9 15.5 L15 12.6 "
                       + "L12.1 15.5 L11.5 14.9 L14.4 12 L11.5 9.1 Z"
                accessibleName: qsTr("Delete")
                enabled: !root.busy && root.enteredCount > 0
                onActivated: root.removeDigit()
            }
            PinKey {
                objectName: "pinKey0"
                width: body.keyWidth
                height: body.keyHeight
                label: "0"
                enabled: !root.busy && root.enteredCount < root.maxLength
                onActivated: root.addDigit("0")
            }
            PinKey {
                objectName: "pinOk"
                width: body.keyWidth
                height: body.keyHeight
                label: qsTr("OK")
                primary: true
                enabled: root.canSubmit
                onActivated: root.submit()
            }
        }

        Grid {
            id: actions
            width: body.sideWidth
            anchors.bottom: parent.bottom
            columns: body.stacked ? 2 : 1
            spacing: body.gap
            readonly property real cell: body.stacked ? (width - spacing) / 2 : width
            TextButton {
                objectName: "useQr"
                width: actions.cell
                text: qsTr("Pay by QR code")
                onClicked: root.useQrRequested()
            }
            TextButton {
                objectName: "pinCancel"
                width: actions.cell
                text: qsTr("Cancel")
                onClicked: root.cancelRequested()
            }
        }
    }
}
