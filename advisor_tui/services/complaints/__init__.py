"""The complaint register (VersVermV §17): entries, their deadlines, the IHK export."""
