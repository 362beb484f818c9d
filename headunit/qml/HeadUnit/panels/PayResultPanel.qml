pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Shapes
import HeadUnit

// The end of a payment (step 5 of 5) and every screen that waits or ends the flow:
// a big sign for the kind (done, queued, error, or a spinner while checking), a title,
// a few lines, a detail such as the receipt number, and the actions the view offers.
Rectangle {
    id: root

    property string kind: "done"       // done | queued | error | checking
    property string title
    property var lines: []             // strings
    property string detail             // "Receipt R-000042"
    property var actions: []           // [{key, text, accent}]
    property int step: 0
    property int steps: 0

    signal actionRequested(string key)

    readonly property color kindColor: ({ "done": Theme.good, "queued": Theme.warning, "error": Theme.critical,
                                          "checking": Theme.accent })[root.kind] ?? Theme.textMuted
    // Stroked on a 24x24 grid inside the round badge: a check, clock hands, an exclamation mark.
    readonly property string glyph: ({ "done": "M6.5 12.5 L10.3 16.3 L17.8 8.3",
                                       "queued": "M12 6.8 V12 L15.6 14.2",
                                       "error": "M12 6.5 V13.2 M12 17.2 V17.3" })[root.kind] ?? ""
    readonly property int actionCount: root.actions ? root.actions.length : 0
    // One row when every button gets its natural width, else one above the other.
    readonly property bool actionsInRow: {
        let needed = Math.max(0, actionCount - 1) * Sizes.spacing;
        for (let i = 0; i < actionCount; ++i)
            needed += Math.max(Sizes.touchTarget * 2, buttonMetrics.advanceWidth(root.actions[i].text) + 2 * Sizes.margin);
        return needed <= actionBox.width;
    }

    radius: Sizes.radius
    color: Theme.surface
    border.color: Theme.divider

    // Presses on the panel stay on it: the map underneath must not pan or pick a point.
    MouseArea { anchors.fill: parent; acceptedButtons: Qt.AllButtons; onWheel: (wheel) => wheel.accepted = true }

    FontMetrics { id: buttonMetrics; font.pixelSize: Sizes.fontBody; font.bold: true }

    Text {
        id: stepCaption
        anchors.top: parent.top
        anchors.right: parent.right
        anchors.margins: Sizes.margin
        visible: root.steps > 0
        text: qsTr("Step %1 of %2").arg(root.step).arg(root.steps)
        color: Theme.textMuted
        font.pixelSize: Sizes.fontCaption
    }

    Flickable {
        id: flick
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: stepCaption.visible ? stepCaption.bottom : parent.top
        anchors.bottom: actionBox.top
        anchors.margins: Sizes.margin
        anchors.topMargin: stepCaption.visible ? Sizes.spacing / 2 : Sizes.margin
        clip: true
        contentWidth: width
        contentHeight: Math.max(height, content.height)
        interactive: content.height > height
        boundsBehavior: Flickable.StopAtBounds

        Column {
            id: content
            width: flick.width
            y: Math.max(0, (flick.height - height) / 2)
            spacing: Sizes.spacing / 2

            Item {
                id: badge
                objectName: "resultIcon"
                anchors.horizontalCenter: parent.horizontalCenter
                width: Sizes.iconLarge
                height: width
                Accessible.role: Accessible.Graphic
                Accessible.name: ({ "done": qsTr("Done"), "queued": qsTr("Queued"), "error": qsTr("Error"),
                                    "checking": qsTr("Checking") })[root.kind] ?? ""

                Rectangle {
                    anchors.fill: parent
                    visible: root.kind !== "checking"
                    radius: width / 2
                    color: root.kindColor
                }
                Shape {
                    anchors.centerIn: parent
                    visible: root.glyph.length > 0
                    width: 24
                    height: 24
                    scale: badge.width / 24
                    preferredRendererType: Shape.CurveRenderer
                    ShapePath {
                        strokeColor: Theme.surface
                        strokeWidth: 2.4
                        fillColor: "transparent"
                        capStyle: ShapePath.RoundCap
                        joinStyle: ShapePath.RoundJoin
                        PathSvg { path: root.glyph }
                    }
                }
                // Checking: an arc going round, in the accent colour.
                Item {
                    id: spinner
                    objectName: "resultSpinner"
                    anchors.fill: parent
                    visible: root.kind === "checking"
                    Shape {
                        anchors.fill: parent
                        preferredRendererType: Shape.CurveRenderer
                        ShapePath {
                            strokeColor: Theme.accentSoft
                            strokeWidth: Math.max(4, spinner.width / 10)
                            fillColor: "transparent"
                            PathAngleArc {
                                centerX: spinner.width / 2
                                centerY: spinner.height / 2
                                radiusX: (spinner.width - Math.max(4, spinner.width / 10)) / 2
                                radiusY: radiusX
                                startAngle: 0
                                sweepAngle: 360
                            }
                        }
                        ShapePath {
                            strokeColor: Theme.accent
                            strokeWidth: Math.max(4, spinner.width / 10)
                            fillColor: "transparent"
                            capStyle: ShapePath.RoundCap
                            PathAngleArc {
                                centerX: spinner.width / 2
                                centerY: spinner.height / 2
                                radiusX: (spinner.width - Math.max(4, spinner.width / 10)) / 2
                                radiusY: radiusX
                                startAngle: -90
                                sweepAngle: 100
                            }
                        }
                    }
                    RotationAnimator on rotation {
                        from: 0
                        to: 360
                        duration: 1100
                        loops: Animation.Infinite
                        running: spinner.visible
                    }
                }
            }
            Item { width: 1; height: Sizes.spacing / 2 }
            Text {
                objectName: "resultTitle"
                width: parent.width
                horizontalAlignment: Text.AlignHCenter
                text: root.title
                color: Theme.text
                font.pixelSize: Sizes.fontTitle
                font.bold: true
                wrapMode: Text.Wrap
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            Repeater {
                model: root.lines
                Text {
                    required property int index
                    required property string modelData
                    objectName: "resultLine" + index
                    width: content.width
                    horizontalAlignment: Text.AlignHCenter
                    text: modelData
                    color: Theme.text
                    font.pixelSize: Sizes.fontBody
                    wrapMode: Text.Wrap
                    Accessible.role: Accessible.StaticText
                    Accessible.name: text
                }
            }
            Text {
                objectName: "resultDetail"
                width: parent.width
                visible: root.detail.length > 0
                horizontalAlignment: Text.AlignHCenter
                text: root.detail
                color: Theme.textMuted
                font.pixelSize: Sizes.fontCaption
                wrapMode: Text.Wrap
                Accessible.role: Accessible.StaticText
                Accessible.name: text
            }
        }
    }

    Grid {
        id: actionBox
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: Sizes.margin
        columns: root.actionsInRow ? Math.max(1, root.actionCount) : 1
        spacing: root.actionsInRow ? Sizes.spacing : Sizes.spacing / 2
        readonly property real cell: root.actionsInRow && root.actionCount > 0
                                     ? (width - (root.actionCount - 1) * spacing) / root.actionCount : width

        Repeater {
            model: root.actions
            TextButton {
                required property var modelData
                objectName: "action_" + modelData.key
                width: actionBox.cell
                text: modelData.text
                accent: modelData.accent === true
                onClicked: root.actionRequested(modelData.key)
            }
        }
    }
}
