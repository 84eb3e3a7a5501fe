"""A small interchange file that uses every kind and every extra Bedside writes.

It is written exactly as ``bedside export`` writes it (column order, sorting, quoting), so
importing it and exporting again must give these bytes back. ``theo``'s circle knows every name
except ``cold laser``, ``calm`` and ``grip strength``, which need ``create``.
"""

HEADER = "date,time,kind,name,value,unit,by,note,after,before,pressure,proxy,regions,tolerance\n"

SAMPLE = HEADER + (
    "2026-03-01,,rating,swelling,3,0-10,Maya,,,,,yes,,\n"
    "2026-03-01,09:00,rating,stiffness,5,0-10,Theo,,,,,,,\n"
    "2026-03-01,09:05,measurement,left calf circumference,36.5,cm,Maya,,,,,,,\n"
    "2026-03-01,21:30,session,hand massage,15,min,Ana,,,,light,,left-hand;right-hand,well\n"
    '2026-03-01,22:00,session,chest massage gun,5,min,Jo (agency),"felt easier, voice stronger",'
    "breathing ease=6,breathing ease=4,light,,chest,well\n"
    "2026-03-01,00:30,session,repositioning,,,Ana,,,,,,,\n"
    "2026-03-02,09:00,rating,stiffness,4,0-10,Maya,answered for Theo,,,,yes,,\n"
    "2026-03-02,12:00,note,,,,Maya,Neck pulling to the left today,,,,,,\n"
    "2026-03-02,21:00,skipped,hand massage,,,Ana,too tired,,,,,,\n"
    "2026-03-03,,missed,massage gun,,,,,,,,,,\n"
    "2026-03-03,10:00,measurement,elbow extension,-12.5,deg,Priya,,,,,,,\n"
    "2026-03-03,10:30,session,neck stretches,20,min,Priya,,headache=3;stiffness=4,"
    "headache=6;stiffness=5,firm,,neck,some\n"
    "2026-03-03,20:00,session,cold laser,10,min,Maya,,,,,,,\n"
    "2026-03-03,20:05,rating,calm,3,0-5,Theo,,,,,,,\n"
    "2026-03-03,20:10,measurement,grip strength,12.5,kg,Priya,,,,,,,\n"
)
