"""The simulated printer models: what tells one Epson device from another.

The table covers the kinds DESIGN.md "Simulator contract" asks for — a business multifunction
with fax (the default), a document scanner, a consumer EcoTank with the consumer login, an
older firmware without OAuth2 — plus a large business model with an additional network
interface, which facts/epson-web-config.md says cannot use OAuth2.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Model:
    id: str
    name: str
    """The product name Web Config puts in `<title>`, e.g. "WF-C5890 Series"."""
    serial: str
    """Printed on the label; the default administrator password on current models."""
    mac: str
    firmware: str
    fax: bool
    oauth2: bool
    consumer_login: bool
    additional_network: bool

    @property
    def device_name(self) -> str:
        """EPSON and the last three bytes of the MAC, as Epson names devices on the LAN."""
        return "EPSON" + self.mac.replace(":", "")[-6:].upper()


DEFAULT_MODEL = "wf-c5890"

MODELS: dict[str, Model] = {
    model.id: model
    for model in (
        Model(
            id="wf-c5890",
            name="WF-C5890 Series",
            serial="X3B9001977",
            mac="64:C6:D2:3B:91:97",
            firmware="20.72.TA04Q7",
            fax=True,
            oauth2=True,
            consumer_login=False,
            additional_network=False,
        ),
        Model(
            id="ds-790wn",
            name="DS-790WN Series",
            serial="X4VR003512",
            mac="38:1A:52:0C:44:E1",
            firmware="1.13.GG27N3",
            fax=False,
            oauth2=True,
            consumer_login=False,
            additional_network=False,
        ),
        Model(
            id="et-2850",
            name="ET-2850 Series",
            serial="X5GN117408",
            mac="DC:CD:2F:7A:02:5B",
            firmware="05.22.XF26P8",
            fax=False,
            oauth2=True,
            consumer_login=True,
            additional_network=False,
        ),
        Model(
            id="wf-c879r",
            name="WF-C879R Series",
            serial="X2YK004420",
            mac="A4:EE:57:61:B0:2C",
            firmware="26.41.LA03L4",
            fax=True,
            oauth2=True,
            consumer_login=False,
            additional_network=True,
        ),
        Model(
            id="wf-c5790-old",
            name="WF-C5790 Series",
            serial="X2ZR008813",
            mac="64:EB:8C:D4:17:A6",
            firmware="10.16.TA02H5",
            fax=True,
            oauth2=False,
            consumer_login=False,
            additional_network=False,
        ),
    )
}


def get(model_id: str) -> Model:
    """The model called `model_id`; KeyError names the unknown one."""
    return MODELS[model_id]
