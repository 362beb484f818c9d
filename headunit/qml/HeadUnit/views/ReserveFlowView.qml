import QtQuick
import HeadUnit

// Reserve and pay: the flow's current screen over the map. `store` is a PayStore; the
// restriction engine (through the store's paymentAllowed / pausedForDriving) decides
// what may be shown while the car moves. `maxItems` limits lists while driving.
Item {
    id: root

    required property QtObject store
    property int maxItems: -1

    readonly property string step: root.store.step
    readonly property string category: root.store.category
    readonly property QtObject choice: root.store.choice  // screen 2: a PayChoiceStore

    Loader {
        id: screen
        objectName: "payScreen"
        anchors.fill: parent
        sourceComponent: root.store.pausedForDriving ? paused
                         : root.step === "loading" ? result
                         : root.step === "choose" ? (root.category === "parking" ? parking
                                                     : root.category === "fuel" ? fuel : charging)
                         : root.step === "review" || root.step === "submitting" ? review
                         : root.step === "pay" ? (root.store.method === "wallet" ? pinPad : qr)
                         : root.step !== "" ? result : null
    }

    Component {
        id: parking
        ParkingChoicePanel {
            objectName: "parkingChoice"
            poiName: root.store.poiName
            slots: root.choice.slots
            selectedSlotId: root.choice.selectedSlotId
            hours: root.choice.hours
            maxHours: root.choice.maxHours
            hoursText: root.choice.hoursText
            untilText: root.choice.untilText
            totalText: root.choice.totalText
            canContinue: root.choice.canContinue
            message: root.choice.choiceMessage
            maxItems: root.maxItems
            step: root.store.screen
            steps: root.store.steps
            onSlotSelected: (slotId) => root.choice.selectSlot(slotId)
            onHoursRequested: (hours) => root.choice.setHours(hours)
            onContinueRequested: root.store.next()
            onBackRequested: root.store.back()
        }
    }
    Component {
        id: fuel
        FuelChoicePanel {
            objectName: "fuelChoice"
            poiName: root.store.poiName
            pumps: root.choice.pumps
            selectedPump: root.choice.selectedPump
            litres: root.choice.litres
            maxLitres: root.choice.maxLitres
            fillUp: root.choice.fillUp
            fillUpText: root.choice.fillUpText
            totalText: root.choice.totalText
            canContinue: root.choice.canContinue
            message: root.choice.choiceMessage
            maxItems: root.maxItems
            step: root.store.screen
            steps: root.store.steps
            onPumpSelected: (number) => root.choice.selectPump(number)
            onLitresRequested: (litres) => root.choice.setLitres(litres)
            onFillUpRequested: (on) => root.choice.setFillUp(on)
            onContinueRequested: root.store.next()
            onBackRequested: root.store.back()
        }
    }
    Component {
        id: charging
        ChargingChoicePanel {
            objectName: "chargingChoice"
            poiName: root.store.poiName
            connectors: root.choice.connectors
            selectedConnector: root.choice.selectedConnector
            currentPercent: root.choice.currentPercent
            targetPercent: root.choice.targetPercent
            minPercent: root.choice.minPercent
            energyText: root.choice.energyText
            timeText: root.choice.timeText
            totalText: root.choice.totalText
            canContinue: root.choice.canContinue
            message: root.choice.choiceMessage
            maxItems: root.maxItems
            step: root.store.screen
            steps: root.store.steps
            onConnectorSelected: (type) => root.choice.selectConnector(type)
            onTargetRequested: (percent) => root.choice.setTarget(percent)
            onContinueRequested: root.store.next()
            onBackRequested: root.store.back()
        }
    }
    Component {
        id: review
        PayReviewPanel {
            objectName: "payReview"
            poiName: root.store.poiName
            lines: root.store.reviewLines
            totalText: root.store.totalText
            paymentAllowed: root.store.paymentAllowed
            online: root.store.online
            busy: root.store.busy
            offlineReservable: root.store.offlineReservable
            message: root.store.stale ? qsTr("Prices as of the last connection; the backend confirms the total.") : ""
            step: root.store.screen
            steps: root.store.steps
            onPayRequested: (method) => root.store.pay(method)
            onReserveOfflineRequested: root.store.reserveOffline()
            onBackRequested: root.store.back()
        }
    }
    Component {
        id: qr
        QrPaymentPanel {
            objectName: "qrPayment"
            qrSource: root.store.qrSource
            amountText: root.store.amountText
            merchant: root.store.merchant
            secondsLeft: root.store.secondsLeft
            statusText: qsTr("Scan with your phone and confirm there.")
            step: root.store.screen
            steps: root.store.steps
            onUseWalletRequested: root.store.switchMethod("wallet")
            onCancelRequested: root.store.cancelPayment()
            onBackRequested: root.store.cancelPayment()
        }
    }
    Component {
        id: pinPad
        PinPadPanel {
            objectName: "pinPad"
            amountText: root.store.amountText
            merchant: root.store.merchant
            message: root.store.message
            busy: root.store.busy
            step: root.store.screen
            steps: root.store.steps
            onPinEntered: (pin) => root.store.submitPin(pin)
            onUseQrRequested: root.store.switchMethod("qr")
            onCancelRequested: root.store.cancelPayment()
            onBackRequested: root.store.cancelPayment()
        }
    }
    Component {
        id: result
        PayResultPanel {
            objectName: "payResult"
            kind: root.step === "loading" ? "checking" : root.store.resultKind
            title: root.step === "loading" ? qsTr("Loading availability…") : root.store.resultTitle
            lines: root.store.resultLines
            detail: root.store.resultDetail
            actions: root.store.resultActions
            step: root.store.screen
            steps: root.store.steps
            onActionRequested: (key) => root.store.action(key)
        }
    }
    Component {
        id: paused
        PayPausedPanel {
            objectName: "payPaused"
            title: qsTr("Paused while driving")
            text: qsTr("The payment continues when you park. Nothing has been charged.")
            amountText: root.store.amountText
            onCancelRequested: root.store.cancelPayment()
        }
    }
}
