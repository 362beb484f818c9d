import QtQuick
import HeadUnit

// Zoom, recentre on the car and north-up / heading-up, as large round buttons.
Column {
    id: root

    property bool following: true
    property bool headingUp: false
    property bool carValid: false
    property bool reservationsAvailable: false  // reserve and pay is on: "My reservations"

    signal reservationsRequested()
    signal zoomInRequested()
    signal zoomOutRequested()
    signal recentreRequested()
    signal orientationToggled()

    spacing: Sizes.spacing

    RoundButton {
        objectName: "myReservationsButton"
        visible: root.reservationsAvailable
        iconName: "ticket"
        accessibleName: qsTr("My reservations")
        onClicked: root.reservationsRequested()
    }
    RoundButton {
        objectName: "orientationButton"
        iconName: root.headingUp ? "heading_up" : "north_up"
        accessibleName: root.headingUp ? qsTr("Heading up: show north up") : qsTr("North up: show heading up")
        onClicked: root.orientationToggled()
    }
    RoundButton {
        objectName: "recentreButton"
        visible: !root.following && root.carValid
        iconName: "locate"
        iconColor: Theme.accent
        accessibleName: qsTr("Back to the car")
        onClicked: root.recentreRequested()
    }
    RoundButton {
        objectName: "zoomInButton"
        iconName: "plus"
        accessibleName: qsTr("Zoom in")
        onClicked: root.zoomInRequested()
    }
    RoundButton {
        objectName: "zoomOutButton"
        iconName: "minus"
        accessibleName: qsTr("Zoom out")
        onClicked: root.zoomOutRequested()
    }
}
