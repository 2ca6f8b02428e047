// placeholder: checklist
