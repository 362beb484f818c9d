"""CanCodec: the bundled DBC + mapping, decode/encode, and refusal of bad files."""

from __future__ import annotations

import re
from pathlib import Path

import can
import cantools
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from headunit.core.signals import CATALOGUE, GEAR_DRIVE, GEAR_PARK, GEAR_REVERSE, Quality, SignalError
from headunit.services.vehicle.can_codec import DEFAULT_DBC, DEFAULT_MAPPING, CanCodec, load_codec
from headunit.services.vehicle.source import SourceError

# One realistic value for every mapped sensor path (a parked EV, doors closed).
VALUES = {
    "Vehicle.Speed": 87.25, "Vehicle.IsMoving": True, "Vehicle.Chassis.ParkingBrake.IsEngaged": False,
    "Vehicle.Powertrain.Transmission.SelectedGear": GEAR_DRIVE,
    "Vehicle.Powertrain.FuelSystem.RelativeLevel": 37,
    "Vehicle.Powertrain.TractionBattery.StateOfCharge.Current": 64.3,
    "Vehicle.Powertrain.TractionBattery.Charging.IsCharging": True,
    "Vehicle.Powertrain.TractionBattery.Charging.TimeToComplete": 95 * 60,
    "Vehicle.Powertrain.Range": 412_000, "Vehicle.Powertrain.Type": "ELECTRIC",
    "Vehicle.TraveledDistance": 48_213_400, "Vehicle.Service.DistanceToService": -120.0,
    "Vehicle.Service.TimeToService": 30 * 86_400,
    "Vehicle.Cabin.Door.Row1.DriverSide.IsOpen": True, "Vehicle.Cabin.Door.Row1.PassengerSide.IsOpen": False,
    "Vehicle.Cabin.Door.Row2.DriverSide.IsOpen": False, "Vehicle.Cabin.Door.Row2.PassengerSide.IsOpen": True,
    "Vehicle.Body.Trunk.Rear.IsOpen": True, "Vehicle.Body.Hood.IsOpen": False,
    "Vehicle.Cabin.Door.Row1.DriverSide.Window.Position": 100,
    "Vehicle.Cabin.Door.Row1.PassengerSide.Window.Position": 0,
    "Vehicle.Cabin.Door.Row2.DriverSide.Window.Position": 35,
    "Vehicle.Cabin.Door.Row2.PassengerSide.Window.Position": 0,
    "Vehicle.Cabin.Sunroof.Position": -100, "Vehicle.Exterior.AirTemperature": -12.5,
    "Vehicle.Chassis.Axle.Row1.Wheel.Left.Tire.Pressure": 240,
    "Vehicle.Chassis.Axle.Row1.Wheel.Right.Tire.Pressure": 238,
    "Vehicle.Chassis.Axle.Row2.Wheel.Left.Tire.Pressure": 180,
    "Vehicle.Chassis.Axle.Row2.Wheel.Right.Tire.Pressure": 250,
    "Vehicle.Cabin.HVAC.Station.Row1.Driver.Temperature": 21.5,
    "Vehicle.Cabin.HVAC.Station.Row1.Passenger.Temperature": 19.0,
    "Vehicle.Cabin.HVAC.Station.Row1.Driver.FanSpeed": 40,
    "Vehicle.Cabin.HVAC.Station.Row1.Passenger.FanSpeed": 0,
    "Vehicle.Cabin.Seat.Row1.DriverSide.HeatingCooling": 66,
    "Vehicle.Cabin.Seat.Row1.PassengerSide.HeatingCooling": 0,
    "Vehicle.Cabin.HVAC.Preconditioning.IsActive": True, "Vehicle.Cabin.HVAC.AmbientAirTemperature": 4.5,
    "Vehicle.CurrentLocation.Latitude": 31.2304567, "Vehicle.CurrentLocation.Longitude": -121.4737012,
    "Vehicle.CurrentLocation.Heading": 359.99,
    "Vehicle.Cabin.Infotainment.Media.Action": "SKIP_FORWARD",
}


@pytest.fixture(scope="module")
def db() -> cantools.database.can.Database:
    return cantools.database.load_file(DEFAULT_DBC, database_format="dbc")


@pytest.fixture
def codec() -> CanCodec:
    return CanCodec()


@pytest.fixture(scope="module")
def shared_codec() -> CanCodec:
    return CanCodec()


def frame(db, name: str, **signals) -> can.Message:
    """A real frame built by cantools from the DBC: the unnamed signals are 0."""
    message = db.get_message_by_name(name)
    data = {s.name: 0 for s in message.signals} | signals
    return can.Message(arbitration_id=message.frame_id, is_extended_id=False,
                       data=message.encode(data, scaling=True, strict=False))


def decoded(codec: CanCodec, *frames: can.Message) -> dict:
    return {s.path: s for f in frames for s in codec.decode(f, 5.0)}


def test_bundled_files_are_inside_the_package_and_cover_the_catalogue(codec):
    assert DEFAULT_DBC.is_file() and DEFAULT_MAPPING.is_file()
    assert DEFAULT_DBC.parent == Path(__file__).resolve().parents[3] / "headunit" / "assets" / "can"
    assert set(codec.sensor_paths) == set(VALUES)
    assert set(codec.sensor_paths) <= set(CATALOGUE)
    assert set(codec.actuator_paths) == {
        "Vehicle.Cabin.HVAC.Station.Row1.Driver.Temperature", "Vehicle.Cabin.HVAC.Station.Row1.Passenger.Temperature",
        "Vehicle.Cabin.HVAC.Station.Row1.Driver.FanSpeed", "Vehicle.Cabin.HVAC.Station.Row1.Passenger.FanSpeed",
        "Vehicle.Cabin.Seat.Row1.DriverSide.HeatingCooling", "Vehicle.Cabin.Seat.Row1.PassengerSide.HeatingCooling",
        "Vehicle.Cabin.HVAC.Preconditioning.IsActive"}
    assert load_codec("", "").sensor_paths == codec.sensor_paths


def test_dbc_is_a_standard_id_matrix_with_cycle_times(db):
    for message in db.messages:
        assert not message.is_extended_frame and message.frame_id < 0x800, message.name
        assert message.cycle_time or message.send_type == "Event", message.name


def test_every_sensor_round_trips_through_real_frames(codec):
    frames = codec.frames_for(VALUES)
    assert [f.arbitration_id for f in frames] == sorted(f.arbitration_id for f in frames)
    samples = decoded(codec, *frames)
    for path, value in VALUES.items():
        assert samples[path].value == pytest.approx(value), path
        assert type(samples[path].value) is type(CATALOGUE[path].coerce(value)), path
        assert samples[path].quality is Quality.VALID, path
        assert samples[path].timestamp == 5.0
    assert codec.stats.bad_frames == codec.stats.bad_signals == codec.stats.unknown_ids == 0


@pytest.mark.parametrize(("name", "vss"), [("P", GEAR_PARK), ("R", GEAR_REVERSE), ("N", 0), ("D", GEAR_DRIVE)])
def test_gear_names_become_vss_gear_numbers(codec, db, name, vss):
    raw = db.get_message_by_name("TCU_Gear").get_signal_by_name("GearSelected").conversion.choice_to_number(name)
    sample = decoded(codec, frame(db, "TCU_Gear", GearSelected=raw))["Vehicle.Powertrain.Transmission.SelectedGear"]
    assert sample.value == vss and sample.quality is Quality.VALID


def test_conversions_from_the_mapping(codec, db):
    samples = decoded(
        codec,
        frame(db, "IC_Odometer", Odometer=12345.6, ServiceDistance=-5, ServiceDays=-2),
        frame(db, "BMS_Charge", StateOfCharge=80.1, ChargingState=3, ChargeTimeRemaining=0),
        frame(db, "ESC_Speed", VehicleSpeed=0, VehicleStandstill=1),
        frame(db, "HVAC_Status", DriverSetpoint=22, PassengerSetpoint=22, SeatHeatDriver=1, CabinTemp=20),
    )
    assert samples["Vehicle.TraveledDistance"].value == 12_345_600  # km -> m, an integer
    assert samples["Vehicle.Service.TimeToService"].value == -2 * 86_400
    assert samples["Vehicle.Powertrain.TractionBattery.StateOfCharge.Current"].value == 80.1
    assert samples["Vehicle.Powertrain.TractionBattery.Charging.IsCharging"].value is False  # Complete
    assert samples["Vehicle.IsMoving"].value is False  # Standstill
    assert samples["Vehicle.Cabin.Seat.Row1.DriverSide.HeatingCooling"].value == 33  # Low


@pytest.mark.parametrize(("name", "signals", "path", "value"), [
    ("BCM_Environment", {"OutsideTemp": 87.5}, "Vehicle.Exterior.AirTemperature", 87.5),  # 0xFF: sensor fault
    ("TPMS_Pressures", {"TirePressureFL": 510}, "Vehicle.Chassis.Axle.Row1.Wheel.Left.Tire.Pressure", 510),
    ("ESC_Speed", {"VehicleSpeed": 655.35}, "Vehicle.Speed", 655.35),
    ("BMS_Charge", {"StateOfCharge": 102.3}, "Vehicle.Powertrain.TractionBattery.StateOfCharge.Current", 102.3),
    ("BMS_Charge", {"ChargeTimeRemaining": 4095},
     "Vehicle.Powertrain.TractionBattery.Charging.TimeToComplete", 4095 * 60),
])
def test_values_outside_the_range_are_flagged_not_shown_as_real(codec, db, name, signals, path, value):
    sample = decoded(codec, frame(db, name, **signals))[path]
    assert sample.value == pytest.approx(value)
    assert sample.quality is Quality.OUT_OF_RANGE


def test_values_the_mapping_has_no_meaning_for_are_dropped_and_counted(codec, db):
    samples = decoded(codec, frame(db, "TCU_Gear", GearSelected=15), frame(db, "EPB_Status", ParkingBrakeState=3))
    assert "Vehicle.Powertrain.Transmission.SelectedGear" not in samples
    assert "Vehicle.Chassis.ParkingBrake.IsEngaged" not in samples
    assert codec.stats.bad_signals == 2 and codec.stats.decoded == 2


def test_unknown_ids_malformed_and_foreign_frames_are_counted_never_raised(codec, db):
    good = codec.frames_for({"Vehicle.Speed": 10.0})[0]
    frames = [
        can.Message(arbitration_id=0x7DF, is_extended_id=False, data=b"\x02\x01\x0d"),  # OBD: not ours
        # python-can's default is a 29-bit id: 0x0A0 extended is another frame than ESC_Speed
        can.Message(arbitration_id=0x0A0, data=bytes(good.data)),
        can.Message(arbitration_id=0x0A0, is_extended_id=False, data=bytes(good.data)[:5]),  # too short
        can.Message(arbitration_id=0x0A0, is_extended_id=False, is_fd=True,
                    data=bytes(good.data) + b"\x00" * 4),  # too long
        can.Message(arbitration_id=0x0A0, is_extended_id=False, data=b""),
        can.Message(is_error_frame=True),
        can.Message(arbitration_id=0x0A0, is_extended_id=False, is_remote_frame=True, dlc=8),
        codec.encode("Vehicle.Cabin.HVAC.Preconditioning.IsActive", True),  # our own request
    ]
    assert all(codec.decode(f, 1.0) == [] for f in frames)
    assert codec.stats.unknown_ids == 2
    assert codec.stats.bad_frames == 3
    assert codec.stats.error_frames == 2
    assert codec.stats.unmapped == 1
    assert [s.value for s in codec.decode(good, 1.0) if s.path == "Vehicle.Speed"] == [10.0]


@settings(max_examples=300, deadline=None)
@given(frame_id=st.sampled_from([0x0A0, 0x0B0, 0x0C0, 0x320, 0x348, 0x3A0, 0x3A8, 0x3E0, 0x3E8, 0x3F0,
                                 0x400, 0x470, 0x5A0, 0x5A8, 0x123]),
       data=st.binary(min_size=0, max_size=8))
def test_any_payload_decodes_to_typed_samples_or_is_dropped(shared_codec, frame_id, data):
    msg = can.Message(arbitration_id=frame_id, is_extended_id=False, data=data)
    for sample in shared_codec.decode(msg, 1.0):
        spec = CATALOGUE[sample.path]
        assert spec.coerce(sample.value) == sample.value
        assert sample.quality in (Quality.VALID, Quality.OUT_OF_RANGE)


def test_encode_sends_one_request_and_no_request_for_the_rest(codec, db):
    msg = codec.encode("Vehicle.Cabin.HVAC.Station.Row1.Driver.Temperature", 21.5)
    request = db.get_message_by_name("HU_ClimateRequest")
    assert msg.arbitration_id == request.frame_id and len(msg.data) == request.length
    signals = request.decode(bytes(msg.data), decode_choices=True)
    assert signals["DriverSetpointReq"] == 21.5
    assert all(str(signals[name]) == "NoRequest" for name in
               ("PassengerSetpointReq", "DriverFanSpeedReq", "PassengerFanSpeedReq",
                "SeatHeatDriverReq", "SeatHeatPassengerReq"))


@pytest.mark.parametrize(("path", "value", "signal", "expected"), [
    ("Vehicle.Cabin.HVAC.Preconditioning.IsActive", True, "PreconditionReq", "Start"),
    ("Vehicle.Cabin.HVAC.Preconditioning.IsActive", False, "PreconditionReq", "Stop"),
    ("Vehicle.Cabin.Seat.Row1.DriverSide.HeatingCooling", 50, "SeatHeatDriverReq", "Medium"),
    ("Vehicle.Cabin.Seat.Row1.PassengerSide.HeatingCooling", -80, "SeatHeatPassengerReq", "Off"),
    ("Vehicle.Cabin.HVAC.Station.Row1.Passenger.FanSpeed", 100, "PassengerFanSpeedReq", 100),
])
def test_encode_actuators(codec, db, path, value, signal, expected):
    msg = codec.encode(path, value)
    decoded_request = db.decode_message(msg.arbitration_id, bytes(msg.data))
    assert decoded_request[signal] == expected


@pytest.mark.parametrize(("path", "value", "fragment"), [
    ("Vehicle.Speed", 50.0, "not an actuator"),
    ("Vehicle.Cabin.HVAC.Station.Row1.Driver.Temprature", 20.0, "did you mean"),
    ("Vehicle.Cabin.HVAC.Station.Row1.Driver.Temperature", "warm", "expected a float"),
    ("Vehicle.Cabin.HVAC.Station.Row1.Driver.Temperature", 45.0, "outside"),
    ("Vehicle.Cabin.HVAC.Station.Row1.Driver.FanSpeed", 101, "outside"),
    ("Vehicle.Cabin.HVAC.Preconditioning.IsActive", "yes", "expected a boolean"),
])
def test_encode_refuses_what_is_not_a_request(codec, path, value, fragment):
    with pytest.raises(SignalError, match=fragment):
        codec.encode(path, value)


def test_frames_for_refuses_unknown_paths(codec):
    with pytest.raises(SignalError, match="not a sensor"):
        codec.frames_for({"Vehicle.Cabin.Lights.IsDomeOn": True})


def _line_containing(text: str, fragment: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if fragment in line)


MAPPING_ERRORS = [  # (replace, with, field, fragment of the message)
    ('"ECM_Fuel.FuelLevel" =', '"ECM_Fuell.FuelLevel" =', 'sensors."ECM_Fuell.FuelLevel"', "unknown message"),
    ('"ECM_Fuel.FuelLevel" =', '"ECM_Fuel.FuelLvl" =', 'sensors."ECM_Fuel.FuelLvl"', "did you mean 'FuelLevel'"),
    ('"Vehicle.Powertrain.FuelSystem.RelativeLevel"', '"Vehicle.Powertrain.Fuel.Level"',
     'sensors."ECM_Fuel.FuelLevel".path', "unknown VSS path"),
    ('"BMS_Charge.StateOfCharge" = "Vehicle.Powertrain.TractionBattery.StateOfCharge.Current"',
     '"BMS_Charge.StateOfCharge" = "Vehicle.Powertrain.Range"', 'sensors."BMS_Charge.StateOfCharge"',
     "datatype mismatch: Vehicle.Powertrain.Range is uint32"),
    ('"BCM_Doors.TrunkOpen" = "Vehicle.Body.Trunk.Rear.IsOpen"',
     '"BCM_Doors.TrunkOpen" = "Vehicle.Powertrain.Type"', 'sensors."BCM_Doors.TrunkOpen"', "datatype mismatch"),
    ("P = 126, R", "Park = 126, R", 'sensors."TCU_Gear.GearSelected".map.Park', "no value 'Park'"),
    ("P = 126, R", 'P = "park", R', 'sensors."TCU_Gear.GearSelected".map.P', "datatype mismatch"),
    ('path = "Vehicle.TraveledDistance", factor = 1000', 'path = "Vehicle.TraveledDistance", factr = 1000',
     'sensors."IC_Odometer.Odometer".factr', "did you mean 'factor'"),
    ('path = "Vehicle.TraveledDistance", factor = 1000', 'path = "Vehicle.TraveledDistance", factor = "km"',
     'sensors."IC_Odometer.Odometer".factor', "expected a number"),
    ('"HU_ClimateRequest.DriverFanSpeedReq"', '"HU_ClimateRequest.DriverFanReq"',
     'actuators."Vehicle.Cabin.HVAC.Station.Row1.Driver.FanSpeed".signal', "unknown signal"),
    ('"Vehicle.Cabin.HVAC.Station.Row1.Driver.FanSpeed" =', '"Vehicle.Cabin.HVAC.Station.Row1.Driver.Fan" =',
     'actuators."Vehicle.Cabin.HVAC.Station.Row1.Driver.Fan"', "unknown VSS path"),
    ('{ signal = "HU_PreconditionRequest.PreconditionReq", map = { Start = true, Stop = false } }',
     '"HU_PreconditionRequest.PreconditionReq"', 'actuators."Vehicle.Cabin.HVAC.Preconditioning.IsActive"',
     "is boolean"),
    ('"BCM_Doors.HoodOpen" = "Vehicle.Body.Hood.IsOpen"', '"BCM_Doors.HoodOpen" = "Vehicle.Body.Trunk.Rear.IsOpen"',
     'sensors."BCM_Doors.HoodOpen"', "already mapped from BCM_Doors.TrunkOpen"),
    ('"ECM_Fuel.FuelLevel" = "Vehicle.Powertrain.FuelSystem.RelativeLevel"',
     '"ECM_Fuel.FuelLevel" == "Vehicle.Powertrain.FuelSystem.RelativeLevel"', "TOML syntax error", "Invalid"),
]


@pytest.mark.parametrize(("old", "new", "field", "fragment"), MAPPING_ERRORS)
def test_mapping_errors_name_file_line_and_field(tmp_path, old, new, field, fragment):
    text = DEFAULT_MAPPING.read_text(encoding="utf-8")
    assert old in text
    bad = text.replace(old, new, 1)
    mapping = tmp_path / "bad_mapping.toml"
    mapping.write_text(bad, encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        CanCodec(DEFAULT_DBC, mapping)
    line = _line_containing(bad, new)
    assert str(caught.value).startswith(f"{mapping}:{line}: {field}"), str(caught.value)
    assert fragment in str(caught.value)


def test_mapping_with_an_unknown_section_is_refused(tmp_path):
    mapping = tmp_path / "m.toml"
    mapping.write_text('[sensors]\n"ESC_Speed.VehicleSpeed" = "Vehicle.Speed"\n\n[actuator]\n', encoding="utf-8")
    with pytest.raises(SourceError, match=rf"^{re.escape(str(mapping))}:4: actuator: unknown section"):
        CanCodec(DEFAULT_DBC, mapping)


DBC_ERRORS = [  # (replace, with, field, fragment)
    (' SG_ FuelLevel : 0|8@1+ (1,0)', ' SG_ FuelLevel : 0|8@1+ (1,0', "SG_ FuelLevel", "syntax error"),
    (' SG_ FuelConsumptionAvg : 8|12', ' SG_ FuelConsumptionAvg : 4|12', "ECM_Fuel.FuelConsumptionAvg",
     "overlapping"),
    (' SG_ FuelConsumptionAvg : 8|12', ' SG_ FuelConsumptionAvg : 28|12', "ECM_Fuel.FuelConsumptionAvg",
     "does not fit"),
    ("BO_ 176 EPB_Status", "BO_ 160 EPB_Status", "EPB_Status", "already used by ESC_Speed"),
    ("VAL_ 192 GearSelected", "VAL_ 192 GearSelectd", "VAL_ 192 GearSelectd", "no such signal"),
]


@pytest.mark.parametrize(("old", "new", "field", "fragment"), DBC_ERRORS)
def test_dbc_errors_name_file_line_and_field(tmp_path, old, new, field, fragment):
    text = DEFAULT_DBC.read_text(encoding="utf-8")
    bad = text.replace(old, new, 1)
    if old.startswith("BO_"):
        bad = bad.replace("VAL_ 176", "VAL_ 160")
    dbc = tmp_path / "bad.dbc"
    dbc.write_text(bad, encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        CanCodec(dbc, DEFAULT_MAPPING)
    line = _line_containing(bad, new)
    assert str(caught.value).startswith(f"{dbc}:{line}: {field}: "), str(caught.value)
    assert fragment in str(caught.value)


def test_a_mapping_naming_a_signal_the_dbc_lacks_is_refused(tmp_path):
    dbc = tmp_path / "small.dbc"
    dbc.write_text(DEFAULT_DBC.read_text(encoding="utf-8").replace(
        ' SG_ FuelLevel : 0|8@1+ (1,0) [0|100] "%" HU,IC\n', ""), encoding="utf-8")
    with pytest.raises(SourceError, match=r'headunit_mapping\.toml:\d+: sensors\."ECM_Fuel\.FuelLevel": unknown signal'):
        CanCodec(dbc, DEFAULT_MAPPING)


@pytest.mark.parametrize("which", ["dbc", "mapping"])
def test_missing_files_are_named(tmp_path, which):
    missing = tmp_path / f"missing.{which}"
    args = (missing, DEFAULT_MAPPING) if which == "dbc" else (DEFAULT_DBC, missing)
    with pytest.raises(SourceError, match=rf"^{re.escape(str(missing))}: cannot read"):
        CanCodec(*args)


def test_garbage_dbc_is_refused_at_line_one(tmp_path):
    dbc = tmp_path / "garbage.dbc"
    dbc.write_bytes(b"\x00\xff not a dbc at all\n")
    with pytest.raises(SourceError, match=rf"^{re.escape(str(dbc))}:1: "):
        CanCodec(dbc, DEFAULT_MAPPING)
